package store

import (
	"fmt"
	"reflect"

	"go.mongodb.org/mongo-driver/v2/bson"

	"jobmatch"
)

// codecs is the registry of the store's client and of its own (un)packing.
var codecs = registry()

// registry is the driver's default BSON registry plus the domain's own
// value types, so the domain package need not know BSON: a jobmatch.Date
// is stored as "2026-05-01" ("" for the zero date), as it is in JSON.
func registry() *bson.Registry {
	r := bson.NewRegistry()
	dateType := reflect.TypeOf(jobmatch.Date{})
	r.RegisterTypeEncoder(dateType, bson.ValueEncoderFunc(func(_ bson.EncodeContext, vw bson.ValueWriter, v reflect.Value) error {
		if !v.IsValid() || v.Type() != dateType {
			return bson.ValueEncoderError{Name: "DateEncodeValue", Types: []reflect.Type{dateType}, Received: v}
		}
		return vw.WriteString(v.Interface().(jobmatch.Date).String())
	}))
	r.RegisterTypeDecoder(dateType, bson.ValueDecoderFunc(func(_ bson.DecodeContext, vr bson.ValueReader, v reflect.Value) error {
		if !v.CanSet() || v.Type() != dateType {
			return bson.ValueDecoderError{Name: "DateDecodeValue", Types: []reflect.Type{dateType}, Received: v}
		}
		var s string
		switch vr.Type() {
		case bson.TypeString:
			var err error
			if s, err = vr.ReadString(); err != nil {
				return err
			}
		case bson.TypeNull:
			if err := vr.ReadNull(); err != nil {
				return err
			}
		default:
			return fmt.Errorf("store: a date must be a string, not BSON %s", vr.Type())
		}
		d := jobmatch.Date{}
		if s != "" {
			var err error
			if d, err = jobmatch.ParseDate(s); err != nil {
				return fmt.Errorf("store: date %q: %w", s, err)
			}
		}
		v.Set(reflect.ValueOf(d))
		return nil
	}))
	return r
}
