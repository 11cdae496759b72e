package rjdb

import (
	"reflect"
	"strings"
	"testing"
)

// The snippets below are copied from rows of the RJDB test file (row numbers
// in the names), trimmed where noted.

func TestParseJD(t *testing.T) {
	tests := []struct {
		name string
		text string
		want JD
	}{
		{
			name: "row 0: plain headings, dash bullets",
			text: "\n\nJob title\nOracle Business Systems Analyst\n\nJob Summary\nThe Oracle Business Systems Analyst's role is to analyze, specify, and validate the business needs of stakeholders.\n\nRequired Skills\n- Thorough understanding of JDE E1 and Z1 capabilities\n- Proficiency in the design of General Ledger, Accounts Receivable, and Fixed Asset systems\n- Ability to identify and resolve process inefficiencies\n\nRequired Experience\n- Require 4 years of relevant experience as a Oracle Business Systems Analyst\n- 4 years as a JDE E1 Finance - Functional Analyst\n\nResponsibilities\n- Addressing user needs to develop process-oriented solutions for efficient data management\n- Testing and implementing software solutions into business processes\n \n\n",
			want: JD{
				Title:   "Oracle Business Systems Analyst",
				Summary: "The Oracle Business Systems Analyst's role is to analyze, specify, and validate the business needs of stakeholders.",
				RequiredSkills: []string{
					"Thorough understanding of JDE E1 and Z1 capabilities",
					"Proficiency in the design of General Ledger, Accounts Receivable, and Fixed Asset systems",
					"Ability to identify and resolve process inefficiencies",
				},
				RequiredExperience: []string{
					"Require 4 years of relevant experience as a Oracle Business Systems Analyst",
					"4 years as a JDE E1 Finance - Functional Analyst",
				},
				Responsibilities: []string{
					"Addressing user needs to develop process-oriented solutions for efficient data management",
					"Testing and implementing software solutions into business processes",
				},
				MinYears: 4,
			},
		},
		{
			name: "row 246: bold headings, inline title, star bullets (trimmed)",
			text: "\n\n**Job title**: SAP Business Analyst\n\n**Job Summary**\n\nWe are looking for a dedicated SAP Business Analyst with 1 year of experience.\n\n**Required Skills**\n* Mastery in SAP ERP  \n* Proficient Business Analysis skills\n\n**Required Experience**\n* 1 year of experience as a SAP Business Analyst\n* 1 year of experience as a SAP Technical Lead (ERP - ECC - HANA) in Melville - NY or Davidson - NC\n\n**Responsibilities**\n * Consolidation and improvement of SAP ERP systems\n \n#### ",
			want: JD{
				Title:          "SAP Business Analyst",
				Summary:        "We are looking for a dedicated SAP Business Analyst with 1 year of experience.",
				RequiredSkills: []string{"Mastery in SAP ERP", "Proficient Business Analysis skills"},
				RequiredExperience: []string{
					"1 year of experience as a SAP Business Analyst",
					"1 year of experience as a SAP Technical Lead (ERP - ECC - HANA) in Melville - NY or Davidson - NC",
				},
				Responsibilities: []string{"Consolidation and improvement of SAP ERP systems"},
				MinYears:         1,
			},
		},
		{
			name: "row 37: skills as a sentence, \"5-years\"",
			text: "\n\n## Job Title \nTechnical Writer - iOS/Android\n\n## Job Summary\nA top-rated software firm is actively looking for an experienced iOS/Android Technical Writer.\n\n## Required Skills\niOS, Android, SDK, Technical Writing, Advanced understanding and interpretational skills in Fraud Data Model. \n\n## Required Experience\nThe candidate should have an experience of 5-years as an iOS/Android Technical Writer, with demonstrated understanding of Technical Writing procedures and principals.\n\n## Responsibilities \nYou will be responsible for creating talking points for the promotional videos of the application and ensure detailed application outputs.\n\n",
			want: JD{
				Title:          "Technical Writer - iOS/Android",
				Summary:        "A top-rated software firm is actively looking for an experienced iOS/Android Technical Writer.",
				RequiredSkills: []string{"iOS", "Android", "SDK", "Technical Writing", "Advanced understanding and interpretational skills in Fraud Data Model"},
				RequiredExperience: []string{
					"The candidate should have an experience of 5-years as an iOS/Android Technical Writer, with demonstrated understanding of Technical Writing procedures and principals.",
				},
				Responsibilities: []string{"You will be responsible for creating talking points for the promotional videos of the application and ensure detailed application outputs."},
				MinYears:         5,
			},
		},
		{
			name: "rows 89/396/358: misspelt headings, numbered and • bullets, \"Job Skills\" (trimmed)",
			text: "\n\n## Job title\nNetwork Services Architect (Automation)\n\n## Job Summary\nThe successful candidate will be responsible for developing the automation framework.\n\nJob Skills\n1. Architectural Knowledge\n2. Active Learning\n\n## Requiredd Experience\n• Network Services Architect (Automation) - 1 year\n• Miscellaneous Metal Encoding and Plastic Works – 5 years\n\n## Responsibilites\n- Using HP open view for monitoring network \n",
			want: JD{
				Title:              "Network Services Architect (Automation)",
				Summary:            "The successful candidate will be responsible for developing the automation framework.",
				RequiredSkills:     []string{"Architectural Knowledge", "Active Learning"},
				RequiredExperience: []string{"Network Services Architect (Automation) - 1 year", "Miscellaneous Metal Encoding and Plastic Works – 5 years"},
				Responsibilities:   []string{"Using HP open view for monitoring network"},
				MinYears:           5,
			},
		},
		{
			name: "row 381: lead-in line counts for years but is no item; second title line goes to Other (row 316)",
			text: "## Job title\n1. Robert Half Technology Division Director CS\n2. Senior Director - Enterprise Data Platforms\n\n## Required Experience\nA minimum of 4 years experience is demanded in:\n- Sr Web Developer - IoT - Connected Devices\n",
			want: JD{
				Title:              "Robert Half Technology Division Director CS",
				RequiredExperience: []string{"Sr Web Developer - IoT - Connected Devices"},
				Other:              []string{"Senior Director - Enterprise Data Platforms"},
				MinYears:           4,
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ParseJD(tt.text)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("ParseJD():\n got %#v\nwant %#v", got, tt.want)
			}
		})
	}
}

func TestMaxYears(t *testing.T) {
	tests := []struct {
		line string
		want int
	}{
		{"- Minimum 2 years as a SW Engineer", 2},
		{"• 1+ years as Lead MDM Consultant", 1},
		{"- 3-5 years of experience", 3},
		{"A minimum of five years’ direct job experience", 5},
		{"a minimum of four (4) years of previous job experience", 4},
		{"- Minimum of 4 preceding years working as a Front End Developer", 4},
		{"- Prior experience as a QA Engineer", 0},
		{"10+ yrs in retail", 10},
	}
	for _, tt := range tests {
		if got := maxYears([]string{tt.line}); got != tt.want {
			t.Errorf("maxYears(%q) = %d, want %d", tt.line, got, tt.want)
		}
	}
}

func TestParseResume(t *testing.T) {
	tests := []struct {
		name string
		text string
		want Resume
	}{
		{
			name: "row 0 matched: plain headings",
			text: "\n\nPersonal Information\nName: Mulyadi Travis\nEmail: MulyadiTravis@email.com\n\nEducation\n- Bachelor's Degree Computer Science from the reputable universities preferred (please provide scanned documents).\n\nSkills\n- Strong knowledge in JDE E1 and Enterprise One\n- Hands-on experience in General Ledger, Accounts Receivable, and Fixed Assets\n- Strong Z1 capabilities\n\nExperience\n- Oracle Business Systems Analyst (2013 - 2017)\n- JDE E1 Finance - Functional Analyst (2009 - 2013)\n\n                                                      \n",
			want: Resume{
				Name:      "Mulyadi Travis",
				Email:     "MulyadiTravis@email.com",
				Skills:    []string{"Strong knowledge in JDE E1 and Enterprise One", "Hands-on experience in General Ledger, Accounts Receivable, and Fixed Assets", "Strong Z1 capabilities"},
				Education: []string{"Bachelor's Degree Computer Science from the reputable universities preferred (please provide scanned documents)."},
				Experience: []Job{
					{Title: "Oracle Business Systems Analyst", FromYear: 2013, ToYear: 2017, Years: 4},
					{Title: "JDE E1 Finance - Functional Analyst", FromYear: 2009, ToYear: 2013, Years: 4},
				},
			},
		},
		{
			name: "row 20: first/last name, Company/Role/Experience blocks",
			text: "\n\nPersonal Information\nFirst Name: Dragan\nLast Name: Petrovic\nEmail: dragan_Petrovic389@email.com\n\nEducation\nBachelor's degree in Computer Science \n\nSkills\nProficient in Android Applications and Android SDK\nExperience with Mobile Applications development\n\nExperience\nCompany: XYZ Ltd.\nRole: Mobile Application Solution Architect\nExperience: 2021 - 2022\nResponsibilities: Designed entire architectural design for the mobile solution\n\nCompany: ABC Corp.\nRole: Android Developer\nExperience: 2017 - 2021\nResponsibilities: Built, tested, and developed robust Android applications\n\n---------------------------\n",
			want: Resume{
				Name:      "Dragan Petrovic",
				Email:     "dragan_Petrovic389@email.com",
				Skills:    []string{"Proficient in Android Applications and Android SDK", "Experience with Mobile Applications development"},
				Education: []string{"Bachelor's degree in Computer Science"},
				Experience: []Job{
					{Title: "Mobile Application Solution Architect", Employer: "XYZ Ltd", FromYear: 2021, ToYear: 2022, Years: 1},
					{Title: "Android Developer", Employer: "ABC Corp", FromYear: 2017, ToYear: 2021, Years: 4},
				},
			},
		},
		{
			name: "row 9 matched: • bullets, employer after comma, month ranges",
			text: "\n\n## Personal Information\nName: Murad Al-Khatib\n\nEmail: murad.alkhatib@example.com\n\n## Education\nB.Sc Information Technology\n\n## Skills\n• Utilizing UML\n• Heavy User of SQL \n\n##  Experience\n• Lead MDM Consultant, XYZ Corp, Jan 2014 - Dec 2015\n• Data Analyst/Database Developer - Senior, ABC Company, Jan 2013 - Dec 2014\n\n#### ",
			want: Resume{
				Name:      "Murad Al-Khatib",
				Email:     "murad.alkhatib@example.com",
				Skills:    []string{"Utilizing UML", "Heavy User of SQL"},
				Education: []string{"B.Sc Information Technology"},
				Experience: []Job{
					{Title: "Lead MDM Consultant", Employer: "XYZ Corp", FromYear: 2014, ToYear: 2015, Years: 2},
					{Title: "Data Analyst/Database Developer - Senior", Employer: "ABC Company", FromYear: 2013, ToYear: 2014, Years: 2},
				},
			},
		},
		{
			name: "rows 43/18/44/13: dates first, \"at X as a Y\", title then date line, present",
			text: "## Personal Information\n\tName: Ksenija Pavlova\n\tEmail: ksenijapavlova@gmail.com\n\n## Experience\n- 2013 - 2016 at Dice.com as a Software Development Engineer, my main responsibilities were data extraction and development.\n* 2004 - 2009 as a PHP-MVC developer. Utilized the MVC pattern to build efficient and modular PHP applications.\nData Architect / System Administrator \n2019 – 2021\n\n- Oracle DBA with Security (2020 - present)\n",
			want: Resume{
				Name:  "Ksenija Pavlova",
				Email: "ksenijapavlova@gmail.com",
				Experience: []Job{
					{Title: "Software Development Engineer", Employer: "Dice.com", FromYear: 2013, ToYear: 2016, Years: 3},
					{Title: "PHP-MVC developer", FromYear: 2004, ToYear: 2009, Years: 5},
					{Title: "Data Architect / System Administrator", FromYear: 2019, ToYear: 2021, Years: 2},
					{Title: "Oracle DBA with Security", FromYear: 2020, ToYear: PresentYear, Years: 3},
				},
			},
		},
		{
			name: "row 249 matched: bare name and e-mail, skills sentence, description lines (trimmed)",
			text: ": Joseph Clark\n\n## Personal Information\nJoseph Clark\nJoseph.Clark@example.com\n\n## Education\nBachelor's degree in Pre-Med, College of Medicine.\n\n## Skills\nProficiency in Microsoft Office Suite, Energy and experience in multiple data entry platforms, Exceptional ability at preserving Commitment, Initiative, Superior writing and editing proficiency.\n\n## Experience\nLecturer in Surgery, local renowned Medical College. (2017-2019)\nPrepared and delivered lectures on various aspects of surgery, held mock-surgery sessions for medical students.\n\nSecretary and administrative assistant. (2015-2017) Began religious boarding documentation highlighting help with record claim.\n",
			want: Resume{
				Name:      "Joseph Clark",
				Email:     "Joseph.Clark@example.com",
				Skills:    []string{"Proficiency in Microsoft Office Suite", "Energy and experience in multiple data entry platforms", "Exceptional ability at preserving Commitment", "Initiative", "Superior writing and editing proficiency"},
				Education: []string{"Bachelor's degree in Pre-Med, College of Medicine."},
				Experience: []Job{
					{Title: "Lecturer in Surgery", Employer: "local renowned Medical College", FromYear: 2017, ToYear: 2019, Years: 2},
					{Title: "Secretary and administrative assistant", FromYear: 2015, ToYear: 2017, Years: 2},
				},
				Other: []string{": Joseph Clark"},
			},
		},
		{
			name: "rows 629/6/309/124: decorated keys, \"Worked as … from … to …\", \"for 3 years\", same-year range",
			text: "## Personal Information\n♪ Name : Alex Johnson\n♪ Email : alex.johnson@example.com\n\n## Experience\nWorked as a Postsecondary Law Teacher from 2020 to 2022 leading classes, coordinating with different education materials vendors.\n1. Architecture teacher-postsecondary for 3 years where I perfromed duties such as developing curriculum.\nSystem Engineer II Red Hat at XYZ Ltd (2023–Present)\n",
			want: Resume{
				Name:  "Alex Johnson",
				Email: "alex.johnson@example.com",
				Experience: []Job{
					{Title: "Postsecondary Law Teacher", FromYear: 2020, ToYear: 2022, Years: 2},
					{Title: "Architecture teacher-postsecondary", Years: 3},
					{Title: "System Engineer II Red Hat", Employer: "XYZ Ltd", FromYear: 2023, ToYear: 2023, Years: 0.5},
				},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ParseResume(tt.text)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("ParseResume():\n got %#v\nwant %#v", got, tt.want)
			}
		})
	}
}

func TestHeading(t *testing.T) {
	tests := []struct {
		line string
		kind kind
		rest string
		ok   bool
	}{
		{"## Required Skills", kSkills, "", true},
		{"Required Skills:", kSkills, "", true},
		{"**Required Skills:**", kSkills, "", true},
		{"##### Job Summary", kSummary, "", true},
		{"**Job title**: SAP Business Analyst", kTitle, "SAP Business Analyst", true},
		{"## Requiredd Experience", kExperience, "", true},
		{"## Benefits", kOther, "", true},
		{"- Required Skills", 0, "", false},
		{"#ADO - excellent knowledge in ActiveX Data Objects", 0, "", false},
		{"####", 0, "", false},
		{"Note: Each of the above resumes fits", 0, "", false},
	}
	for _, tt := range tests {
		k, rest, _, ok := heading(tt.line, jdHeadings)
		if k != tt.kind || rest != tt.rest || ok != tt.ok {
			t.Errorf("heading(%q) = %v, %q, %v; want %v, %q, %v", tt.line, k, rest, ok, tt.kind, tt.rest, tt.ok)
		}
	}
}

func TestFindDates(t *testing.T) {
	tests := []struct {
		s        string
		from, to int
		years    float64
	}{
		{"Oracle Business Systems Analyst (2013 - 2017)", 2013, 2017, 4},
		{"Salesforce Developer (Jan 2019 - Dec 2023)", 2019, 2023, 5},
		{"June 2017 - Aug 2019: Acted as a Copier Technical Support Specialist", 2017, 2019, 27.0 / 12},
		{"System Engineer II at XYZ Ltd (2023–Present)", 2023, PresentYear, 0.5},
		{"Analyst, 2015-current", 2015, PresentYear, PresentYear - 2015},
		{"Sr Oracle 12c RAC DBA from 2019 to 2020.", 2019, 2020, 1},
		{"Intern at Y Company (Spring 2017)", 2017, 2017, 0.5},
		{"Incepted as a Java Developer operating the year of 2015 and ended in late 2016.", 2015, 2016, 1},
	}
	for _, tt := range tests {
		sp, ok := findDates(tt.s)
		if !ok || sp.from != tt.from || sp.to != tt.to || sp.years != tt.years {
			t.Errorf("findDates(%q) = %d-%d %.3f %v; want %d-%d %.3f", tt.s, sp.from, sp.to, sp.years, ok, tt.from, tt.to, tt.years)
		}
	}
	if _, ok := findDates("Managed a team of 12 engineers"); ok {
		t.Errorf("findDates found dates in a line without years")
	}
}

// TestParseCoverage parses every row of the real file and checks that the
// parsers find the parts nearly every text has.
func TestParseCoverage(t *testing.T) {
	rows := testRows(t)
	var title, skill, reqExp, minYears, resp int
	var cvSkill, cvJob, cvDated, cvName, cvEmail, cvEdu, jobs int
	for _, r := range rows {
		jd := ParseJD(r.JD)
		count(&title, jd.Title != "")
		count(&skill, len(jd.RequiredSkills) > 0)
		count(&reqExp, len(jd.RequiredExperience) > 0)
		count(&minYears, jd.MinYears > 0)
		count(&resp, len(jd.Responsibilities) > 0)
		for _, text := range []string{r.Matched, r.Unmatched} {
			cv := ParseResume(text)
			count(&cvSkill, len(cv.Skills) > 0)
			count(&cvJob, len(cv.Experience) > 0)
			dated := false
			for _, j := range cv.Experience {
				dated = dated || j.Years > 0
			}
			count(&cvDated, dated)
			count(&cvName, cv.Name != "")
			count(&cvEmail, cv.Email != "")
			count(&cvEdu, len(cv.Education) > 0)
			jobs += len(cv.Experience)
		}
	}
	n, nr := float64(len(rows)), float64(2*len(rows))
	share := func(c int, of float64) float64 { return float64(c) / of }
	t.Logf("JDs (%d): title %.1f%%, ≥1 required skill %.1f%%, required experience %.1f%%, MinYears>0 %.1f%%, responsibilities %.1f%%",
		len(rows), 100*share(title, n), 100*share(skill, n), 100*share(reqExp, n), 100*share(minYears, n), 100*share(resp, n))
	t.Logf("résumés (%d): ≥1 skill %.1f%%, ≥1 job %.1f%%, ≥1 job with years %.1f%%, name %.1f%%, e-mail %.1f%%, education %.1f%%; %.2f jobs per résumé",
		2*len(rows), 100*share(cvSkill, nr), 100*share(cvJob, nr), 100*share(cvDated, nr), 100*share(cvName, nr), 100*share(cvEmail, nr), 100*share(cvEdu, nr), share(jobs, nr))

	for _, c := range []struct {
		what string
		got  float64
		min  float64
	}{
		{"JDs with a title", share(title, n), 0.95},
		{"JDs with a required skill", share(skill, n), 0.95},
		{"JDs with required experience", share(reqExp, n), 0.95},
		{"JDs with responsibilities", share(resp, n), 0.95},
		{"résumés with a skill", share(cvSkill, nr), 0.95},
		{"résumés with a job", share(cvJob, nr), 0.95},
		{"résumés with a dated job", share(cvDated, nr), 0.95},
		{"résumés with a name", share(cvName, nr), 0.95},
		{"résumés with an e-mail", share(cvEmail, nr), 0.95},
	} {
		if c.got < c.min {
			t.Errorf("%s: %.1f%%, want ≥ %.0f%%", c.what, 100*c.got, 100*c.min)
		}
	}
}

func count(n *int, ok bool) {
	if ok {
		*n++
	}
}

func TestCleanAndBullets(t *testing.T) {
	for in, want := range map[string]string{
		"- Strong Z1 capabilities":      "Strong Z1 capabilities",
		"•\tPega Project Manager":       "Pega Project Manager",
		"● Network Engineering":         "Network Engineering",
		"10. Service Orientation":       "Service Orientation",
		"-Project management skills":    "Project management skills",
		"**Senior Hadoop Engineer**":    "Senior Hadoop Engineer",
		"#.NET – outstanding in design": ".NET – outstanding in design",
		"---":                           "",
	} {
		if got := clean(in); got != want {
			t.Errorf("clean(%q) = %q, want %q", in, got, want)
		}
	}
	if strings.Contains(clean("2018 - 2022: Java Developer"), "Java") == false {
		t.Errorf("clean ate a year range")
	}
}
