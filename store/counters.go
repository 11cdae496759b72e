package store

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"jobmatch"
)

// NextSeq takes the next number of the named sequence (1, 2, …). A number
// is a position of the list "seq:<name>", claimed by inserting it, so two
// replicas never take the same one.
func (s *Store) NextSeq(ctx context.Context, name string) (int64, error) {
	return s.ReserveSeq(ctx, name, 1)
}

// ReserveSeq takes n numbers of the named sequence and returns the last one.
// The numbers are contiguous, (last-n, last], unless another replica took
// some of them meanwhile; then they are the n positions claimed.
func (s *Store) ReserveSeq(ctx context.Context, name string, n int64) (int64, error) {
	refs := make([]string, n)
	pos, err := s.ListAppendPositions(ctx, "seq:"+name, refs)
	if err != nil {
		return 0, fmt.Errorf("store: next %s: %w", name, err)
	}
	return pos[len(pos)-1], nil
}

func toInt64(v any) int64 {
	switch n := v.(type) {
	case int32:
		return int64(n)
	case int64:
		return n
	case float64:
		return int64(n)
	}
	return 0
}

// CurrentSeq returns the last number taken from the named sequence (0 if
// none); for the candidate change log, the number of its newest entry.
func (s *Store) CurrentSeq(ctx context.Context, name string) (int64, error) {
	if name == jobmatch.CandidateSeq {
		return s.changeHead(ctx)
	}
	return s.ListHead(ctx, "seq:"+name)
}

// IncCounters adds to numeric fields of a counter document (_id such as
// "contacts:2026-H1"), creating it when missing. KPI figures are read from
// such documents instead of aggregating events per request. Each replica
// adds to its own shard of the document (replicas.go); Counters sums them.
func (s *Store) IncCounters(ctx context.Context, id string, inc map[string]int64) error {
	if len(inc) == 0 {
		return nil
	}
	slot, err := s.ownSlot(ctx)
	if err != nil {
		return err
	}
	return s.counts.do(ctx, counterInc{id: shardID(id, slot), inc: inc})
}

// A counterInc is one caller's addition to one counter document.
type counterInc struct {
	id  string
	inc map[string]int64
}

// incCounterGroup writes concurrent callers' additions (s.counts, a
// grouper): one $inc per document with the sums of its callers' fields.
func (s *Store) incCounterGroup(ctx context.Context, items []counterInc) []error {
	var ids []string
	sums := map[string]map[string]int64{}
	for _, it := range items {
		m, ok := sums[it.id]
		if !ok {
			m = map[string]int64{}
			sums[it.id] = m
			ids = append(ids, it.id)
		}
		for k, v := range it.inc {
			m[k] += v
		}
	}
	failed := map[string]error{}
	for _, id := range ids {
		if err := s.incCounterDoc(ctx, id, sums[id]); err != nil {
			failed[id] = err
		}
	}
	errs := make([]error, len(items))
	for i, it := range items {
		errs[i] = failed[it.id]
	}
	return errs
}

func (s *Store) incCounterDoc(ctx context.Context, id string, inc map[string]int64) error {
	defer s.lock(ColCounters, id)()
	keys := make([]string, 0, len(inc))
	for k := range inc {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	d := make(bson.D, 0, len(keys))
	for _, k := range keys {
		d = append(d, bson.E{Key: k, Value: inc[k]})
	}
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		_, err = s.C(ColCounters).UpdateOne(ctx, bson.D{{Key: "_id", Value: id}},
			bson.D{{Key: "$inc", Value: d}}, options.UpdateOne().SetUpsert(true))
		if !mongo.IsDuplicateKeyError(err) {
			break
		}
	}
	if err != nil {
		return fmt.Errorf("store: inc counters %s: %w", id, err)
	}
	return nil
}

// Counters reads a counter document's numeric fields (empty when missing),
// summed over every replica's shard.
func (s *Store) Counters(ctx context.Context, id string) (map[string]int64, error) {
	out := map[string]int64{}
	if err := s.addCounterDoc(ctx, id, out); err != nil {
		return nil, err
	}
	n, err := s.slots(ctx)
	if err != nil {
		return nil, err
	}
	for k := int64(1); k <= n; k++ {
		if err := s.addCounterDoc(ctx, id+"@r"+strconv.FormatInt(k, 10), out); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// hint reads field n of one counter document, without the replicas'
// shards: list heads and bag heads keep their hints there.
func (s *Store) hint(ctx context.Context, id string) (int64, error) {
	m := map[string]int64{}
	if err := s.addCounterDoc(ctx, id, m); err != nil {
		return 0, err
	}
	return m["n"], nil
}

func (s *Store) addCounterDoc(ctx context.Context, id string, out map[string]int64) error {
	var raw bson.M
	err := s.C(ColCounters).FindOne(ctx, bson.D{{Key: "_id", Value: id}}).Decode(&raw)
	if err == mongo.ErrNoDocuments {
		return nil
	}
	if err != nil {
		return fmt.Errorf("store: counters %s: %w", id, err)
	}
	for k, v := range raw {
		if k != "_id" {
			out[k] += toInt64(v)
		}
	}
	return nil
}

// CounterDocs reads every counter document whose _id starts with prefix (a
// scan: for maintenance such as the KPI rebuild), the replicas' shards
// added up.
func (s *Store) CounterDocs(ctx context.Context, prefix string) (map[string]map[string]int64, error) {
	shards, err := s.counterShards(ctx, prefix)
	if err != nil {
		return nil, err
	}
	out := map[string]map[string]int64{}
	for id, bySlot := range shards {
		m := map[string]int64{}
		for _, f := range bySlot {
			for k, v := range f {
				m[k] += v
			}
		}
		out[id] = m
	}
	return out, nil
}

// counterShards reads every counter document whose _id starts with prefix
// (a scan), per document and slot: "kpi:2026@r3" is slot 3's shard of
// "kpi:2026", "kpi:2026" itself slot 0's.
func (s *Store) counterShards(ctx context.Context, prefix string) (map[string]map[int64]map[string]int64, error) {
	out := map[string]map[int64]map[string]int64{}
	err := Each(ctx, s, ColCounters, func(raw *bson.M) error {
		id, _ := (*raw)["_id"].(string)
		if !strings.HasPrefix(id, prefix) {
			return nil
		}
		id, slot := shardOf(id)
		bySlot := out[id]
		if bySlot == nil {
			bySlot = map[int64]map[string]int64{}
			out[id] = bySlot
		}
		m := map[string]int64{}
		for k, v := range *raw {
			if k != "_id" {
				m[k] += toInt64(v)
			}
		}
		bySlot[slot] = m
		return nil
	})
	return out, err
}

// replaceCounterShard replaces slot's shard of counter document id with
// exactly these fields (a replica's shard without any is removed).
func (s *Store) replaceCounterShard(ctx context.Context, id string, slot int64, fields map[string]int64) error {
	sid := shardID(id, slot)
	defer s.lock(ColCounters, sid)()
	if slot != 0 && len(fields) == 0 {
		if _, err := s.C(ColCounters).DeleteOne(ctx, bson.D{{Key: "_id", Value: sid}}); err != nil {
			return fmt.Errorf("store: replace counters %s: %w", sid, err)
		}
		return nil
	}
	d := bson.D{{Key: "_id", Value: sid}}
	keys := make([]string, 0, len(fields))
	for k := range fields {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		d = append(d, bson.E{Key: k, Value: fields[k]})
	}
	if _, err := s.C(ColCounters).ReplaceOne(ctx, bson.D{{Key: "_id", Value: sid}}, d, options.Replace().SetUpsert(true)); err != nil {
		return fmt.Errorf("store: replace counters %s: %w", sid, err)
	}
	return nil
}
