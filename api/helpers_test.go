package api_test

import (
	"encoding/json"
	"io"
)

func jsonEncoder(w io.Writer) *json.Encoder { return json.NewEncoder(w) }
