package jobmatch

import "time"

// Topic is what a company's request is about.
type Topic string

const (
	TopicVacancy   Topic = "vacancy"
	TopicRetention Topic = "retention" // a sick-listed employee to retain
	TopicSubsidy   Topic = "subsidy"   // a question about a subsidy scheme
	TopicLayoff    Topic = "layoff"    // a mass lay-off
	TopicOther     Topic = "other"
)

// Topics lists every topic in display order.
var Topics = []Topic{TopicVacancy, TopicRetention, TopicSubsidy, TopicLayoff, TopicOther}

// Channel is how a request reached the jobcenter.
type Channel string

const (
	ChannelWeb   Channel = "web"
	ChannelAPI   Channel = "api"
	ChannelPhone Channel = "phone"
	ChannelEmail Channel = "email"
	ChannelVisit Channel = "visit"
)

// Channels lists every channel.
var Channels = []Channel{ChannelWeb, ChannelAPI, ChannelPhone, ChannelEmail, ChannelVisit}

// RequestStatus is open until the consultant resolves it.
type RequestStatus string

const (
	RequestOpen     RequestStatus = "open"
	RequestResolved RequestStatus = "resolved"
	// RequestCancelled: withdrawn by whoever logged it (logged by
	// mistake, or twice), before anyone handled it. It counts in no
	// figure and is on nobody's list of open requests.
	RequestCancelled RequestStatus = "cancelled"
)

// Request is every inbound request from a company, whatever the channel.
// A vacancy posted online is also a Request (topic vacancy) on the company.
type Request struct {
	ID          string `json:"id" bson:"_id"`
	Reference   string `json:"reference" bson:"reference"`
	CVR         string `json:"cvr" bson:"cvr"`
	CompanyName string `json:"company_name" bson:"company_name"`
	// CompanyNameGiven is the name the sender gave when it is not the
	// name of the company the CVR number is (a CVR mistyped, or another
	// company's): the consultant and the sender are told.
	CompanyNameGiven string        `json:"company_name_given,omitempty" bson:"company_name_given,omitempty"`
	Topic            Topic         `json:"topic" bson:"topic"`
	Subsidy          string        `json:"subsidy,omitempty" bson:"subsidy,omitempty"` // scheme asked about
	Channel          Channel       `json:"channel" bson:"channel"`
	Text             string        `json:"text" bson:"text"`
	Contact          Person        `json:"contact" bson:"contact"`
	VacancyID        string        `json:"vacancy_id,omitempty" bson:"vacancy_id,omitempty"`
	ConsultantID     string        `json:"consultant_id" bson:"consultant_id"`
	LoggedBy         string        `json:"logged_by,omitempty" bson:"logged_by,omitempty"`
	Status           RequestStatus `json:"status" bson:"status"`
	StatusToken      string        `json:"-" bson:"status_token"`
	ReceivedAt       time.Time     `json:"received_at" bson:"received_at"`
	DueAt            *time.Time    `json:"due_at,omitempty" bson:"due_at,omitempty"`
	ResolvedAt       *time.Time    `json:"resolved_at,omitempty" bson:"resolved_at,omitempty"`
	Resolution       string        `json:"resolution,omitempty" bson:"resolution,omitempty"`
	Outcome          string        `json:"outcome,omitempty" bson:"outcome,omitempty"`
	// CancelledAt, CancelledBy and CancelReason ("mistake", "duplicate")
	// say who withdrew a cancelled request, when and why.
	CancelledAt  *time.Time `json:"cancelled_at,omitempty" bson:"cancelled_at,omitempty"`
	CancelledBy  string     `json:"cancelled_by,omitempty" bson:"cancelled_by,omitempty"`
	CancelReason string     `json:"cancel_reason,omitempty" bson:"cancel_reason,omitempty"`
	Period       Periods    `json:"-" bson:"period"`
	Version      int64      `json:"version" bson:"version"`
	// OpenSlot is the bucket of the owner's open-requests bag holding it.
	OpenSlot int64 `json:"-" bson:"open_slot,omitempty"`
	// ReceiptSlot and ResolveSlot are the replica slots whose counter
	// shards counted its receipt and its resolution (store/kpi.go): 0,
	// left out, on the embedded backend's own process and before slots
	// were recorded.
	ReceiptSlot int64 `json:"-" bson:"receipt_slot,omitempty"`
	ResolveSlot int64 `json:"-" bson:"resolve_slot,omitempty"`
	// CancelSlot is the slot whose shards took its receipt back.
	CancelSlot int64 `json:"-" bson:"cancel_slot,omitempty"`
}

// Periods are the precomputed period keys of an event in Europe/Copenhagen,
// so figures can be counted without date operators in the database.
type Periods struct {
	Year  string `json:"year" bson:"year"`   // "2026"
	Half  string `json:"half" bson:"half"`   // "2026-H1"
	Month string `json:"month" bson:"month"` // "2026-05"
}

// Receipt is what the one entry point answers.
type Receipt struct {
	ID            string        `json:"id"`
	Kind          string        `json:"kind"` // "vacancy" or "request"
	Reference     string        `json:"reference"`
	StatusURL     string        `json:"status_url"`
	ContactPerson ContactPerson `json:"contact_person"`
	RequestID     string        `json:"request_id,omitempty"`
	Company       string        `json:"company"`
	CVR           string        `json:"cvr"`
	// AnswerBy is the day the company can expect an answer by
	// ("2026-12-08"): the topic's response deadline in working days.
	AnswerBy string `json:"answer_by,omitempty"`
	// PersonalWords are the words of a vacancy's text that say gender or
	// ethnic origin ("Kvindelig"): the jobcentre does not find or propose
	// candidates by them, and the matching leaves them out.
	PersonalWords []string `json:"personal_words,omitempty"`
	// ReceiptMailed: a receipt went to the sender's e-mail address (none
	// without one, nor past the address's receipts for the day).
	ReceiptMailed bool `json:"receipt_mailed"`
	// RepeatOf is the open request staff logged from the same caller
	// (phone or e-mail) about the same topic within the last ten minutes,
	// when this one was logged all the same: the same call logged twice?
	RepeatOf string `json:"repeat_of,omitempty"`
}
