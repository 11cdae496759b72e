package store

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"sync"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"
)

// Paged lists. On the embedded backend a newest-first list cannot come from a
// sorted, filtered query without scanning the collection, so each list a page
// shows is kept as its own sequence of pointer documents:
//
//	lists     {_id: "<name>#<pos, 12 digits>", ref, at, removed?}
//	counters  {_id: "list:<name>", n, removed}
//
// The pointer documents are the truth; the counter's n is a hint written
// lazily. Appending is a single insert: the process keeps each list's head in
// memory (under the document lock), and after a restart it reads the hint and
// probes forward to the last pointer that exists. A pointer is never deleted,
// only marked removed, so probing cannot stop at a hole. Reading a page walks
// backwards from a cursor, one _id lookup per entry.
//
// A writer lists first and writes the record after (FileRequest), so a
// crash in between leaves a pointer to nothing, which the total counted
// and no page showed ("Tidslinje (1) Ingen endnu."). The reader that finds
// no record behind a pointer older than danglingAfter marks it removed
// (ListDropDangling); at is when the pointer was written.

// ListPage is one page of a list, newest first.
type ListPage struct {
	Refs []string
	// Pos and Written are each ref's position and when its pointer was
	// written (zero for one written before pointers said so), for
	// ListDropDangling.
	Pos     []int64
	Written []time.Time
	// Next is the cursor for the following (older) page, 0 when there is none.
	Next  int64
	Total int64
}

func listKey(name string, pos int64) string {
	return name + "#" + fmt.Sprintf("%012d", pos)
}

type listHeads struct {
	mu        sync.Mutex
	head      map[string]int64
	dirty     map[string]bool
	hinted    map[string]int64 // the hint last written
	bags      map[string]bagHead
	dirtyBags map[string]bool
}

// head returns the list's last position, loading it once. Call with the
// list's document lock held.
func (s *Store) listHead(ctx context.Context, name string) (int64, error) {
	s.lists.mu.Lock()
	n, ok := s.lists.head[name]
	s.lists.mu.Unlock()
	if ok {
		return n, nil
	}
	n, err := s.hint(ctx, "list:"+name)
	if err != nil {
		return 0, err
	}
	hint := n
	if n, err = probeEnd(hint, s.listExists(ctx, name)); err != nil {
		return 0, fmt.Errorf("store: list %s: head: %w", name, err)
	}
	s.lists.mu.Lock()
	s.lists.head[name] = n
	s.lists.hinted[name] = max(s.lists.hinted[name], hint)
	s.lists.mu.Unlock()
	return n, nil
}

// freshHead returns the list's last position as the database has it now:
// the cached head, then a probe forward past what other replicas appended
// (one _id lookup that finds nothing when none did). Every read of a
// list's length goes through it, so each replica's totals are exact.
func (s *Store) freshHead(ctx context.Context, name string) (int64, error) {
	defer s.lock(ColCounters, "list:"+name)()
	return s.probeHead(ctx, name)
}

// probeHead is freshHead without the list's lock: for the list of replica
// slots, which is read while other documents' locks are held (a striped
// lock is not reentrant, and two documents may share a stripe) and only
// appended to when a process starts.
func (s *Store) probeHead(ctx context.Context, name string) (int64, error) {
	n, err := s.listHead(ctx, name)
	if err != nil {
		return 0, err
	}
	m, err := probeEnd(n, s.listExists(ctx, name))
	if err != nil {
		return 0, fmt.Errorf("store: list %s: head: %w", name, err)
	}
	if m > n {
		s.lists.mu.Lock()
		if s.lists.head[name] < m {
			s.lists.head[name] = m
		}
		s.lists.mu.Unlock()
	}
	return m, nil
}

func (s *Store) listExists(ctx context.Context, name string) func(n int64) (bool, error) {
	return s.idExists(ctx, ColLists, func(n int64) string { return listKey(name, n) })
}

// ListAppend adds ref to the named list and returns its position.
func (s *Store) ListAppend(ctx context.Context, name, ref string) (int64, error) {
	return s.ListAppendMany(ctx, name, []string{ref})
}

// ListAppendMany adds refs to the named list in order and returns the
// position of the first. With other replicas appending at the same time the
// positions need not be contiguous; ListAppendPositions returns each.
func (s *Store) ListAppendMany(ctx context.Context, name string, refs []string) (int64, error) {
	pos, err := s.ListAppendPositions(ctx, name, refs)
	if err != nil || len(pos) == 0 {
		return 0, err
	}
	return pos[0], nil
}

// ListAppendPositions adds refs to the named list in order and returns the
// position of each. Each pointer claims its position by being inserted; an
// ordered insert that meets a position another replica took stops there,
// the ones before it stay, and the rest go after the new head.
func (s *Store) ListAppendPositions(ctx context.Context, name string, refs []string) ([]int64, error) {
	switch len(refs) {
	case 0:
		return nil, nil
	case 1:
		a := &listAppend{ptrs: []listPtr{{name: name, ref: refs[0]}}}
		if err := s.appends.do(ctx, a); err != nil {
			return nil, fmt.Errorf("store: list %s: append: %w", name, err)
		}
		return a.pos, nil
	}
	return s.appendInOrder(ctx, name, refs)
}

// appendInOrder appends several refs to one list in order, in an ordered
// insert of its own.
func (s *Store) appendInOrder(ctx context.Context, name string, refs []string) ([]int64, error) {
	defer s.lock(ColCounters, "list:"+name)()
	out := make([]int64, 0, len(refs))
	for attempt := 0; len(refs) > 0; attempt++ {
		head, err := s.listHead(ctx, name)
		if err != nil {
			return nil, err
		}
		docs := make([]any, len(refs))
		for i, r := range refs {
			docs[i] = bson.D{{Key: "_id", Value: listKey(name, head+1+int64(i))}, {Key: "ref", Value: r}, {Key: "at", Value: time.Now().UTC()}}
		}
		_, err = s.C(ColLists).InsertMany(ctx, docs)
		placed := len(refs)
		if err != nil {
			var bwe mongo.BulkWriteException
			if !errors.As(err, &bwe) || !OnlyDuplicateKeys(bwe) || len(bwe.WriteErrors) == 0 || attempt >= 8 {
				return nil, fmt.Errorf("store: list %s: append: %w", name, err)
			}
			placed = bwe.WriteErrors[0].Index
		}
		for i := 0; i < placed; i++ {
			out = append(out, head+1+int64(i))
		}
		s.lists.mu.Lock()
		if placed < len(refs) {
			delete(s.lists.head, name) // another replica appended: probe again
		} else {
			s.lists.head[name] = head + int64(placed)
		}
		s.lists.dirty[name] = true
		s.lists.mu.Unlock()
		refs = refs[placed:]
	}
	return out, nil
}

// ListAppendEach adds one ref to each of several lists in a single write
// and returns each list's new position. Links (private tokens) that
// belong to the same event go in the same write.
func (s *Store) ListAppendEach(ctx context.Context, entries map[string]string, links ...Link) (map[string]int64, error) {
	names := make([]string, 0, len(entries))
	for n := range entries {
		names = append(names, n)
	}
	sort.Strings(names)
	a := &listAppend{ptrs: make([]listPtr, len(names)), links: links}
	for i, n := range names {
		a.ptrs[i] = listPtr{name: n, ref: entries[n]}
	}
	if err := s.appends.do(ctx, a); err != nil {
		return nil, fmt.Errorf("store: append to lists: %w", err)
	}
	pos := make(map[string]int64, len(names))
	for i, n := range names {
		pos[n] = a.pos[i]
	}
	return pos, nil
}

// A listAppend is one caller's pointers (in order) and links; pos is
// filled with each pointer's position.
type listAppend struct {
	ptrs  []listPtr
	links []Link
	pos   []int64
}

type listPtr struct{ name, ref string }

// appendLists writes the appends of concurrent callers (s.appends, a
// grouper; each caller appends to a list at most once) in one unordered
// InsertMany: positions are handed out per list in the callers' order from
// the heads this process knows. A position another replica took fails that
// pointer alone; it is tried again after probing that list's head anew.
// Every position stays taken by someone, so no list gets a hole.
func (s *Store) appendLists(ctx context.Context, items []*listAppend) []error {
	type pending struct {
		item, ptr, link int // ptr or link is -1
		at              int64
	}
	var todo []pending
	var names []string
	for i, a := range items {
		a.pos = make([]int64, len(a.ptrs))
		for j, p := range a.ptrs {
			todo = append(todo, pending{item: i, ptr: j, link: -1})
			names = append(names, p.name)
		}
		for j := range a.links {
			todo = append(todo, pending{item: i, ptr: -1, link: j})
		}
	}
	errs := make([]error, len(items))
	fail := func(err error) []error {
		for _, p := range todo {
			errs[p.item] = err
		}
		return errs
	}
	defer s.docLocks.lockMany(ColCounters, prefixed("list:", names))()
	for attempt := 0; len(todo) > 0; attempt++ {
		next := map[string]int64{}
		docs := make([]any, len(todo))
		for k := range todo {
			p := &todo[k]
			a := items[p.item]
			if p.ptr < 0 {
				l := a.links[p.link]
				l.Token = linkPrefix + l.Token
				docs[k] = l
				continue
			}
			name := a.ptrs[p.ptr].name
			n, ok := next[name]
			if !ok {
				head, err := s.listHead(ctx, name)
				if err != nil {
					return fail(err)
				}
				n = head + 1
			}
			p.at, next[name] = n, n+1
			docs[k] = bson.D{{Key: "_id", Value: listKey(name, n)}, {Key: "ref", Value: a.ptrs[p.ptr].ref}, {Key: "at", Value: time.Now().UTC()}}
		}
		_, err := s.C(ColLists).InsertMany(ctx, docs, options.InsertMany().SetOrdered(false))
		failed := map[int]bool{}
		if err != nil {
			var bwe mongo.BulkWriteException
			if !errors.As(err, &bwe) || !OnlyDuplicateKeys(bwe) || len(bwe.WriteErrors) == 0 || attempt >= 16 {
				return fail(err)
			}
			for _, we := range bwe.WriteErrors {
				failed[we.Index] = true
			}
		}
		var again []pending
		s.lists.mu.Lock()
		for k, p := range todo {
			switch {
			case p.ptr < 0:
				// A link's token is random: one that is there is this
				// link, written by an attempt the driver retried.
			case failed[k]:
				// Another replica appended: find the real head again.
				delete(s.lists.head, items[p.item].ptrs[p.ptr].name)
				again = append(again, p)
			default:
				name := items[p.item].ptrs[p.ptr].name
				items[p.item].pos[p.ptr] = p.at
				if s.lists.head[name] < p.at {
					s.lists.head[name] = p.at
				}
				s.lists.dirty[name] = true
			}
		}
		s.lists.mu.Unlock()
		todo = again
	}
	return errs
}

func prefixed(p string, names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = p + n
	}
	return out
}

// hintEvery: a list's head is written back as its hint once it is this
// many positions past the hint last written (and every head on Close).
// A hint only saves probing after a restart, so a busy list costs one
// hint write per hintEvery appends instead of one per second per list
// (with a list per company and per consultant, that was three writes for
// every vacancy posted); a stale hint costs at most hintEvery lookups the
// first time the list is used after a crash.
const hintEvery = 32

// flushListHeads writes the in-memory heads back as hints ($max, so a hint
// never goes backwards): those hintEvery past their hint, or all.
func (s *Store) flushListHeads(ctx context.Context, all bool) error {
	s.lists.mu.Lock()
	dirty := make(map[string]int64, len(s.lists.dirty))
	for name := range s.lists.dirty {
		n := s.lists.head[name]
		if all || n-s.lists.hinted[name] >= hintEvery {
			dirty[name] = n
			delete(s.lists.dirty, name)
		}
	}
	for name := range s.lists.dirtyBags {
		dirty["bag:"+chain(name, s.slot.Load())] = s.lists.bags[name].bucket
	}
	s.lists.dirtyBags = map[string]bool{}
	s.lists.mu.Unlock()
	for name, n := range dirty {
		id := "list:" + name
		if len(name) > 4 && name[:4] == "bag:" {
			id = name
		}
		unlock := s.lock(ColCounters, id)
		_, err := s.C(ColCounters).UpdateOne(ctx, bson.D{{Key: "_id", Value: id}},
			bson.D{{Key: "$max", Value: bson.D{{Key: "n", Value: n}}}}, options.UpdateOne().SetUpsert(true))
		unlock()
		if err != nil && !mongo.IsDuplicateKeyError(err) {
			return fmt.Errorf("store: flush %s: %w", id, err)
		}
		if id != name {
			s.lists.mu.Lock()
			if s.lists.hinted[name] < n {
				s.lists.hinted[name] = n
			}
			s.lists.mu.Unlock()
		}
	}
	return nil
}

// ListRemove marks the entry at pos of the named list removed. The removal
// is counted once however many replicas remove it at the same time: the
// first to insert the entry's removal marker counts it.
func (s *Store) ListRemove(ctx context.Context, name string, pos int64) error {
	_, err := s.listRemove(ctx, name, pos)
	return err
}

// listRemove is ListRemove, reporting whether this call counted the removal.
func (s *Store) listRemove(ctx context.Context, name string, pos int64) (bool, error) {
	_, err := s.C(ColLists).UpdateOne(ctx, bson.D{{Key: "_id", Value: listKey(name, pos)}},
		bson.D{{Key: "$set", Value: bson.D{{Key: "removed", Value: true}}}})
	if err != nil {
		return false, fmt.Errorf("store: list %s: remove: %w", name, err)
	}
	_, err = s.C(ColLists).InsertOne(ctx, bson.D{{Key: "_id", Value: listKey(name, pos) + "~removed"}})
	if mongo.IsDuplicateKeyError(err) {
		return false, nil // removed and counted before
	}
	if err != nil {
		return false, fmt.Errorf("store: list %s: remove: %w", name, err)
	}
	return true, s.IncCounters(ctx, "list:"+name, map[string]int64{"removed": 1})
}

// danglingAfter is how old a pointer to nothing is before its writer is
// surely dead: a writer stores the record within a few operations of the
// pointer, each given up by the driver after 30 s (Open).
const danglingAfter = 5 * time.Minute

// ListDropDangling marks removed the entry at pos of the named list, its
// pointer written at written (ListPage), whose record the reader did not
// find, once the pointer is older than danglingAfter: the writer died
// between the pointer and the record, or the record was erased. It reports
// whether this call counted the removal; replicas that drop one entry at
// the same time count it once (ListRemove), and a younger pointer, whose
// writer may still be at work, is left alone.
func (s *Store) ListDropDangling(ctx context.Context, name string, pos int64, written time.Time) (bool, error) {
	if time.Since(written) < danglingAfter {
		return false, nil
	}
	return s.listRemove(ctx, name, pos)
}

// ListPage reads up to limit refs older than cursor (0 = from the newest).
func (s *Store) ListPage(ctx context.Context, name string, cursor int64, limit int) (ListPage, error) {
	head, err := s.freshHead(ctx, name)
	if err != nil {
		return ListPage{}, err
	}
	c, err := s.Counters(ctx, "list:"+name)
	if err != nil {
		return ListPage{}, err
	}
	page := ListPage{Total: head - c["removed"]}
	pos := head
	if cursor > 0 && cursor-1 < pos {
		pos = cursor - 1
	}
	// Bound the walk so a list with many removals cannot make one page
	// read forever.
	budget := limit*4 + 64
	for ; pos > 0 && len(page.Refs) < limit && budget > 0; pos-- {
		budget--
		var d struct {
			Ref     string    `bson:"ref"`
			At      time.Time `bson:"at"`
			Removed bool      `bson:"removed"`
		}
		err := s.C(ColLists).FindOne(ctx, bson.D{{Key: "_id", Value: listKey(name, pos)}}).Decode(&d)
		if errors.Is(err, mongo.ErrNoDocuments) || d.Removed {
			continue
		}
		if err != nil {
			return ListPage{}, fmt.Errorf("store: list %s: page: %w", name, err)
		}
		page.Refs = append(page.Refs, d.Ref)
		page.Pos = append(page.Pos, pos)
		page.Written = append(page.Written, d.At)
	}
	if pos > 0 {
		page.Next = pos + 1
	}
	return page, nil
}

// FormatCursor and ParseCursor turn list positions into opaque API cursors.
func FormatCursor(pos int64) string {
	if pos <= 0 {
		return ""
	}
	return strconv.FormatInt(pos, 36)
}

// ParseCursor parses a cursor made by FormatCursor; "" is the first page.
func ParseCursor(s string) (int64, error) {
	if s == "" {
		return 0, nil
	}
	n, err := strconv.ParseInt(s, 36, 64)
	if err != nil || n <= 0 {
		return 0, errors.New("invalid cursor")
	}
	return n, nil
}

// Sets are small membership documents, such as a vacancy's shortlist:
// {_id: "<name>", members: [...]}. One _id read returns the whole set.
//
// Several replicas: FerretDB does not make an update atomic, so two
// processes that $addToSet to one document lose members (measured: 22 to 29
// of 40 members added at once through two replicas were kept). As with
// bags, each replica therefore adds only to its own shard of the set
// ("<name>", or "<name>@r<slot>" for replica slot k), under its striped
// lock; a removal pulls the member from its own shard and, once a second
// replica has ever run, leaves a tombstone {_id: "<name>~setrm~<member>"}
// that hides it in the other shards (and that adding it again deletes).
// A listing reads every shard by _id and, with replicas, looks up each
// member's tombstone by _id. A single process reads and writes one document
// as before.

func setShard(name string, slot int64) string { return chain(name, slot) }

func setTombstone(name, member string) string { return name + "~setrm~" + member }

// SetAdd adds members to the named set.
func (s *Store) SetAdd(ctx context.Context, name string, members ...string) error {
	slot, err := s.ownSlot(ctx) // before the lock: claiming one appends to a list
	if err != nil {
		return err
	}
	defer s.lock(ColSets, name)()
	_, err = s.C(ColSets).UpdateOne(ctx, bson.D{{Key: "_id", Value: setShard(name, slot)}},
		bson.D{{Key: "$addToSet", Value: bson.D{{Key: "members", Value: bson.D{{Key: "$each", Value: members}}}}}},
		options.UpdateOne().SetUpsert(true))
	if err != nil {
		return fmt.Errorf("store: set %s: add: %w", name, err)
	}
	if many, err := s.everReplicated(ctx); err != nil || !many {
		return err
	}
	for _, m := range members { // added again after a removal
		if _, err := s.C(ColSets).DeleteOne(ctx, bson.D{{Key: "_id", Value: setTombstone(name, m)}}); err != nil {
			return fmt.Errorf("store: set %s: add: %w", name, err)
		}
	}
	return nil
}

// SetRemove removes members from the named set. It is a $pullAll: FerretDB
// 1.24 accepts a $pull with an $in condition and removes nothing
// (TestShortlistRepository, TestSetRemove).
func (s *Store) SetRemove(ctx context.Context, name string, members ...string) error {
	defer s.lock(ColSets, name)()
	// A process without a slot has no shard to pull from: the tombstones
	// alone remove the members (it shares the database, so it leaves them).
	if slot := s.slot.Load(); slot != noSlot {
		_, err := s.C(ColSets).UpdateOne(ctx, bson.D{{Key: "_id", Value: setShard(name, slot)}},
			bson.D{{Key: "$pullAll", Value: bson.D{{Key: "members", Value: members}}}})
		if err != nil {
			return fmt.Errorf("store: set %s: remove: %w", name, err)
		}
	}
	if many, err := s.everReplicated(ctx); err != nil || !many {
		return err
	}
	for _, m := range members {
		_, err := s.C(ColSets).InsertOne(ctx, bson.D{{Key: "_id", Value: setTombstone(name, m)}})
		if err != nil && !mongo.IsDuplicateKeyError(err) {
			return fmt.Errorf("store: set %s: remove: %w", name, err)
		}
	}
	return nil
}

// SetMembers returns the members of the named set, each once, in insertion
// order (slot 0's shard first).
func (s *Store) SetMembers(ctx context.Context, name string) ([]string, error) {
	slots, err := s.slots(ctx)
	if err != nil {
		return nil, err
	}
	return s.setMembers(ctx, name, slots)
}

// SetsMembers returns the members of each named set, as SetMembers does,
// with the replicas counted once for all of them (a page that reads twenty
// citizens' sets).
func (s *Store) SetsMembers(ctx context.Context, names []string) (map[string][]string, error) {
	slots, err := s.slots(ctx)
	if err != nil {
		return nil, err
	}
	out := make(map[string][]string, len(names))
	for _, name := range names {
		if out[name], err = s.setMembers(ctx, name, slots); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func (s *Store) setMembers(ctx context.Context, name string, slots int64) ([]string, error) {
	var out, gone []string
	seen := map[string]bool{}
	for slot := int64(0); slot <= slots; slot++ {
		var d struct {
			Members []string `bson:"members"`
		}
		err := s.C(ColSets).FindOne(ctx, bson.D{{Key: "_id", Value: setShard(name, slot)}}).Decode(&d)
		if errors.Is(err, mongo.ErrNoDocuments) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("store: set %s: %w", name, err)
		}
		for _, m := range d.Members {
			if seen[m] {
				continue
			}
			seen[m] = true
			if slots > 0 {
				err := s.C(ColSets).FindOne(ctx, bson.D{{Key: "_id", Value: setTombstone(name, m)}}).Err()
				if err == nil {
					if slot == s.slot.Load() {
						gone = append(gone, m)
					}
					continue
				}
				if !errors.Is(err, mongo.ErrNoDocuments) {
					return nil, fmt.Errorf("store: set %s: %w", name, err)
				}
			}
			out = append(out, m)
		}
	}
	if len(gone) > 0 {
		s.dropRemoved(ctx, name, gone)
	}
	return out, nil
}

// dropRemoved pulls from this replica's shard the members another replica
// removed (their tombstones stand), so listings stop looking them up; a
// member added again meanwhile (its tombstone deleted) stays.
func (s *Store) dropRemoved(ctx context.Context, name string, members []string) {
	defer s.lock(ColSets, name)()
	var still []string
	for _, m := range members {
		if s.C(ColSets).FindOne(ctx, bson.D{{Key: "_id", Value: setTombstone(name, m)}}).Err() == nil {
			still = append(still, m)
		}
	}
	if len(still) > 0 {
		_, _ = s.C(ColSets).UpdateOne(ctx, bson.D{{Key: "_id", Value: setShard(name, s.slot.Load())}},
			bson.D{{Key: "$pullAll", Value: bson.D{{Key: "members", Value: still}}}})
	}
}

// Link maps a private, unguessable token (status links, survey links) to the
// record it opens. Links live beside the list pointers so that an intake
// writes its pointers and its link in one insert.
type Link struct {
	Token     string     `bson:"_id"`
	Kind      string     `bson:"kind"` // "vacancy", "request", …
	ID        string     `bson:"ref_id"`
	CreatedAt time.Time  `bson:"created_at"`
	RevokedAt *time.Time `bson:"revoked_at,omitempty"`
}

const linkPrefix = "link:"

// PutLink stores a link on its own.
func (s *Store) PutLink(ctx context.Context, l Link) error {
	l.Token = linkPrefix + l.Token
	return s.Insert(ctx, ColLists, l)
}

// GetLink reads the link of a token.
func (s *Store) GetLink(ctx context.Context, token string) (*Link, error) {
	var l Link
	if err := s.Get(ctx, ColLists, linkPrefix+token, &l); err != nil {
		return nil, err
	}
	l.Token = token
	return &l, nil
}

// RevokeLink marks a link revoked.
func (s *Store) RevokeLink(ctx context.Context, token string, at time.Time) error {
	return s.Update(ctx, ColLists, linkPrefix+token, bson.D{{Key: "$set", Value: bson.D{{Key: "revoked_at", Value: at}}}})
}

// ListHead returns the position of the newest entry of a list (0 if empty).
func (s *Store) ListHead(ctx context.Context, name string) (int64, error) {
	return s.freshHead(ctx, name)
}

// ListAfter reads the refs at positions after from, oldest first, up to
// limit, and the position of the last one read: a reader that remembers it
// follows a list with one _id lookup per new entry.
func (s *Store) ListAfter(ctx context.Context, name string, from int64, limit int) ([]string, int64, error) {
	return s.listAfter(ctx, name, from, limit, nil)
}

// listAfter is ListAfter passing over the positions skip reports, unread.
func (s *Store) listAfter(ctx context.Context, name string, from int64, limit int, skip func(pos int64) bool) ([]string, int64, error) {
	head, err := s.ListHead(ctx, name)
	if err != nil {
		return nil, from, err
	}
	var refs []string
	pos := from
	for pos < head && len(refs) < limit {
		pos++
		if skip != nil && skip(pos) {
			continue
		}
		var d struct {
			Ref     string `bson:"ref"`
			Removed bool   `bson:"removed"`
		}
		err := s.C(ColLists).FindOne(ctx, bson.D{{Key: "_id", Value: listKey(name, pos)}}).Decode(&d)
		if errors.Is(err, mongo.ErrNoDocuments) && head-pos < 16 {
			// A position near the head that is taken but not written
			// yet: an append in flight. Stop before it and read it next time.
			return refs, pos - 1, nil
		}
		if errors.Is(err, mongo.ErrNoDocuments) || d.Removed {
			continue // a writer that died long ago, or removed
		}
		if err != nil {
			return refs, pos - 1, fmt.Errorf("store: list %s: read: %w", name, err)
		}
		refs = append(refs, d.Ref)
	}
	return refs, pos, nil
}
