package calendar_test

import (
	"fmt"
	"time"

	"jobmatch"
	"jobmatch/calendar"
)

func ExampleCalendar_AddWorkingDays() {
	cal := calendar.Default()
	// A request received on skærtorsdag counts from the Tuesday after Easter.
	received := time.Date(2026, 4, 2, 10, 0, 0, 0, jobmatch.Copenhagen)
	fmt.Println(cal.AddWorkingDays(received, 2).Format(time.DateTime))
	// Output: 2026-04-09 23:59:59
}

func ExampleHolidays() {
	for _, h := range calendar.Holidays(2023)[1:6] {
		fmt.Println(h.Date.Format(time.DateOnly), h.Name)
	}
	// Output:
	// 2023-04-06 skærtorsdag
	// 2023-04-07 langfredag
	// 2023-04-09 påskedag
	// 2023-04-10 2. påskedag
	// 2023-05-05 store bededag
}

func ExampleCalendar_IsWorkingDay() {
	cal := calendar.Default()
	for _, s := range []string{"2026-06-05", "2026-06-08"} {
		d, _ := time.ParseInLocation(time.DateOnly, s, jobmatch.Copenhagen)
		fmt.Println(s, cal.IsWorkingDay(d))
	}
	// Output:
	// 2026-06-05 false
	// 2026-06-08 true
}
