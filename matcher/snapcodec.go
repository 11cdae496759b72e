package matcher

import (
	"encoding"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"reflect"
	"strings"
)

// The snapshot's body is a compact binary encoding of Features with every
// string stored once in a table and referred to by number: a CV's terms,
// skills and occupation URIs repeat across the pool, so this is several
// times smaller and quicker to read than gob, and the loaded features share
// their strings. It walks the exported fields by reflection, so a field
// added to Features is persisted without touching this file, and the
// header records the shape (featuresShape): a snapshot written for another
// shape is not read.

var errCodec = errors.New("matcher: snapshot codec")

// featuresShape describes the exported fields of Features, recursively.
func featuresShape() string {
	var b strings.Builder
	describe(&b, reflect.TypeFor[Features]())
	return b.String()
}

var binMarshaler = reflect.TypeFor[encoding.BinaryMarshaler]()

func describe(b *strings.Builder, t reflect.Type) {
	if t.Implements(binMarshaler) {
		b.WriteString("bin:" + t.String())
		return
	}
	switch t.Kind() {
	case reflect.Struct:
		b.WriteString("{")
		for i := range t.NumField() {
			f := t.Field(i)
			if !f.IsExported() {
				continue
			}
			b.WriteString(f.Name + ":")
			describe(b, f.Type)
			b.WriteString(";")
		}
		b.WriteString("}")
	case reflect.Slice:
		b.WriteString("[]")
		describe(b, t.Elem())
	case reflect.Pointer:
		b.WriteString("*")
		describe(b, t.Elem())
	default:
		b.WriteString(t.Kind().String())
	}
}

// encoder appends values to buf, interning strings.
type encoder struct {
	buf   []byte
	ids   map[string]uint64
	table []string
}

func (e *encoder) str(s string) {
	id, ok := e.ids[s]
	if !ok {
		id = uint64(len(e.table))
		e.ids[s] = id
		e.table = append(e.table, s)
	}
	e.buf = binary.AppendUvarint(e.buf, id)
}

func (e *encoder) value(v reflect.Value) error {
	if v.Type().Implements(binMarshaler) {
		b, err := v.Interface().(encoding.BinaryMarshaler).MarshalBinary()
		if err != nil {
			return err
		}
		e.buf = binary.AppendUvarint(e.buf, uint64(len(b)))
		e.buf = append(e.buf, b...)
		return nil
	}
	switch v.Kind() {
	case reflect.String:
		e.str(v.String())
	case reflect.Bool:
		if v.Bool() {
			e.buf = append(e.buf, 1)
		} else {
			e.buf = append(e.buf, 0)
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		e.buf = binary.AppendVarint(e.buf, v.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		e.buf = binary.AppendUvarint(e.buf, v.Uint())
	case reflect.Float32, reflect.Float64:
		e.buf = binary.LittleEndian.AppendUint64(e.buf, math.Float64bits(v.Float()))
	case reflect.Slice:
		if v.IsNil() {
			e.buf = append(e.buf, 0)
			return nil
		}
		e.buf = binary.AppendUvarint(e.buf, uint64(v.Len())+1)
		for i := range v.Len() {
			if err := e.value(v.Index(i)); err != nil {
				return err
			}
		}
	case reflect.Pointer:
		if v.IsNil() {
			e.buf = append(e.buf, 0)
			return nil
		}
		e.buf = append(e.buf, 1)
		return e.value(v.Elem())
	case reflect.Struct:
		t := v.Type()
		for i := range t.NumField() {
			if t.Field(i).IsExported() {
				if err := e.value(v.Field(i)); err != nil {
					return err
				}
			}
		}
	default:
		return fmt.Errorf("%w: cannot encode a %s", errCodec, v.Type())
	}
	return nil
}

// decoder reads what encoder wrote. Slices written alike are read as one
// array that the features share: at 150,000 CVs the languages, education
// levels, licences and schemes come in a few hundred combinations, the
// occupations and skill labels in a third and a half as many as there are
// CVs, and the arrays took 54 MB of heap, now 17 MB. Nothing changes a
// feature's slices once it is built.
type decoder struct {
	b       []byte
	table   []string
	err     error
	shared  map[reflect.Type]map[string]reflect.Value // encoding → slice
	scratch map[reflect.Type]reflect.Value
}

func (d *decoder) uvarint() uint64 {
	n, k := binary.Uvarint(d.b)
	if k <= 0 {
		d.fail()
		return 0
	}
	d.b = d.b[k:]
	return n
}

func (d *decoder) fail() {
	if d.err == nil {
		d.err = fmt.Errorf("%w: truncated or corrupt", errCodec)
	}
	d.b = nil
}

func (d *decoder) str() string {
	id := d.uvarint()
	if id >= uint64(len(d.table)) {
		d.fail()
		return ""
	}
	return d.table[id]
}

func (d *decoder) value(v reflect.Value) {
	if d.err != nil {
		return
	}
	if v.Addr().Type().Implements(reflect.TypeFor[encoding.BinaryUnmarshaler]()) && v.Type().Implements(binMarshaler) {
		n := d.uvarint()
		if n > uint64(len(d.b)) {
			d.fail()
			return
		}
		if err := v.Addr().Interface().(encoding.BinaryUnmarshaler).UnmarshalBinary(d.b[:n]); err != nil {
			d.fail()
			return
		}
		d.b = d.b[n:]
		return
	}
	switch v.Kind() {
	case reflect.String:
		v.SetString(d.str())
	case reflect.Bool:
		if len(d.b) == 0 {
			d.fail()
			return
		}
		v.SetBool(d.b[0] == 1)
		d.b = d.b[1:]
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n, k := binary.Varint(d.b)
		if k <= 0 {
			d.fail()
			return
		}
		d.b = d.b[k:]
		v.SetInt(n)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		v.SetUint(d.uvarint())
	case reflect.Float32, reflect.Float64:
		if len(d.b) < 8 {
			d.fail()
			return
		}
		v.SetFloat(math.Float64frombits(binary.LittleEndian.Uint64(d.b)))
		d.b = d.b[8:]
	case reflect.Slice:
		n := d.uvarint()
		if n == 0 || d.err != nil {
			return // nil
		}
		n--
		if n > uint64(len(d.b)) { // every element takes at least a byte
			d.fail()
			return
		}
		v.Set(d.slice(v.Type(), int(n)))
	case reflect.Pointer:
		if len(d.b) == 0 {
			d.fail()
			return
		}
		nilp := d.b[0] == 0
		d.b = d.b[1:]
		if !nilp {
			p := reflect.New(v.Type().Elem())
			d.value(p.Elem())
			v.Set(p)
		}
	case reflect.Struct:
		t := v.Type()
		for i := range t.NumField() {
			if t.Field(i).IsExported() {
				d.value(v.Field(i))
			}
		}
	default:
		d.err = fmt.Errorf("%w: cannot decode a %s", errCodec, v.Type())
	}
}

// slice reads the n elements of a slice of type t. They are read into a
// scratch slice, so an array is made only for an encoding not seen before.
func (d *decoder) slice(t reflect.Type, n int) reflect.Value {
	if d.shared == nil {
		d.shared, d.scratch = map[reflect.Type]map[string]reflect.Value{}, map[reflect.Type]reflect.Value{}
	}
	sc := d.scratch[t]
	delete(d.scratch, t) // a slice of the same type inside an element gets its own
	if !sc.IsValid() || sc.Cap() < n {
		sc = reflect.MakeSlice(t, n, max(n, 16))
	}
	sc = sc.Slice(0, n)
	start := d.b
	for i := range n {
		sc.Index(i).SetZero()
		d.value(sc.Index(i))
	}
	d.scratch[t] = sc
	if d.err != nil {
		return reflect.Zero(t)
	}
	enc := start[:len(start)-len(d.b)]
	m := d.shared[t]
	if m == nil {
		m = map[string]reflect.Value{}
		d.shared[t] = m
	}
	if s, ok := m[string(enc)]; ok {
		return s
	}
	s := reflect.MakeSlice(t, n, n)
	reflect.Copy(s, sc)
	m[string(enc)] = s
	return s
}

// encodeFeatures returns the string table and the encoded features and names.
func encodeFeatures(fs []*Features, names []string) ([]string, []byte, error) {
	e := &encoder{ids: map[string]uint64{}}
	for i, f := range fs {
		if err := e.value(reflect.ValueOf(f).Elem()); err != nil {
			return nil, nil, err
		}
		e.str(names[i])
	}
	return e.table, e.buf, nil
}

// decodeFeatures reads n features and names back.
func decodeFeatures(table []string, body []byte, n int) ([]*Features, []string, error) {
	d := &decoder{b: body, table: table}
	fs := make([]*Features, n)
	names := make([]string, n)
	for i := range n {
		f := new(Features)
		d.value(reflect.ValueOf(f).Elem())
		names[i] = d.str()
		if d.err != nil {
			return nil, nil, d.err
		}
		fs[i] = f
	}
	if len(d.b) != 0 {
		return nil, nil, fmt.Errorf("%w: %d bytes left over", errCodec, len(d.b))
	}
	return fs, names, nil
}
