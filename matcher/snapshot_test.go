package matcher

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"
)

// fill sets every exported field of v to a value derived from seed, so a
// field the codec forgets fails the round trip below.
func fill(v reflect.Value, seed int) {
	if v.Type() == reflect.TypeFor[time.Time]() {
		v.Set(reflect.ValueOf(time.Date(2026, 1, 1+seed%27, 0, 0, 0, 0, time.UTC)))
		return
	}
	switch v.Kind() {
	case reflect.String:
		v.SetString("s" + string(rune('a'+seed%26)))
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt(int64(seed + 1))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		v.SetUint(uint64(seed + 1))
	case reflect.Float32, reflect.Float64:
		v.SetFloat(float64(seed) + 0.25)
	case reflect.Slice:
		s := reflect.MakeSlice(v.Type(), 2, 2)
		fill(s.Index(0), seed+1)
		fill(s.Index(1), seed+2)
		v.Set(s)
	case reflect.Pointer:
		p := reflect.New(v.Type().Elem())
		fill(p.Elem(), seed+1)
		v.Set(p)
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				fill(v.Field(i), seed+i)
			}
		}
	}
}

func TestSnapshotRoundTripsEveryField(t *testing.T) {
	var fs []*Features
	var names []string
	for i := range 50 {
		f := new(Features)
		fill(reflect.ValueOf(f).Elem(), i)
		fs = append(fs, f)
		names = append(names, "Navn "+string(rune('A'+i%26)))
	}
	fs = append(fs, &Features{ID: "empty"}) // nil slices stay nil
	names = append(names, "")
	path := filepath.Join(t.TempDir(), "f.snap")
	h := SnapshotHeader{Taxonomy: "tx", Seq: 42, SeqCandidate: "c42", Gaps: []int64{40}, Pending: map[string]int64{"x": 41}}
	if err := WriteSnapshot(path, h, fs, names); err != nil {
		t.Fatal(err)
	}
	got, gfs, gnames, err := ReadSnapshot(path)
	if err != nil {
		t.Fatal(err)
	}
	if got.Seq != 42 || got.SeqCandidate != "c42" || len(got.Gaps) != 1 || got.Pending["x"] != 41 || got.Count != len(fs) {
		t.Fatalf("header %+v", got)
	}
	if !reflect.DeepEqual(gfs, fs) || !reflect.DeepEqual(gnames, names) {
		t.Fatalf("features differ after the round trip:\n got %+v\nwant %+v", gfs[0], fs[0])
	}
	// Cut short or altered: refused, never half read.
	b, _ := os.ReadFile(path)
	for _, bad := range [][]byte{b[:len(b)/2], append(append([]byte{}, b[:100]...), b[101:]...)} {
		if err := os.WriteFile(path, bad, 0o600); err != nil {
			t.Fatal(err)
		}
		if _, _, _, err := ReadSnapshot(path); err == nil {
			t.Fatal("a damaged snapshot was read")
		}
	}
}

// Slices written alike are read back as one array; others stay apart.
func TestSnapshotSharesSlicesWrittenAlike(t *testing.T) {
	fs := []*Features{
		{ID: "a", Licences: []string{"B", "C"}, Education: []string{"bachelor"}, Terms: NewTermSet([]string{"lager"})},
		{ID: "b", Licences: []string{"B", "C"}, Education: []string{"master"}, Terms: NewTermSet([]string{"lager", "truck"})},
		{ID: "c", Licences: []string{"B"}, Education: []string{"bachelor"}},
	}
	path := filepath.Join(t.TempDir(), "f.snap")
	if err := WriteSnapshot(path, SnapshotHeader{}, fs, []string{"", "", ""}); err != nil {
		t.Fatal(err)
	}
	_, got, _, err := ReadSnapshot(path)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, fs) {
		t.Fatalf("features differ after the round trip: %+v", got)
	}
	if &got[0].Licences[0] != &got[1].Licences[0] || &got[0].Education[0] != &got[2].Education[0] {
		t.Error("slices written alike were read as separate arrays")
	}
	if &got[0].Licences[0] == &got[2].Licences[0] || &got[0].Education[0] == &got[1].Education[0] {
		t.Error("different slices share an array")
	}
}
