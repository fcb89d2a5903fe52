# Netral — interface text, English (second language). Keys mirror id/netral.ftl exactly.

## Page frame
site-name = Netral
site-tagline = Civil-service neutrality
skip-to-content = Skip to content
nav-label = Main navigation
nav-home = Home
nav-rules = Rules
lang-switch = Bahasa Indonesia
footer-text = Netral helps oversight bodies handle reports of civil servants (ASN) breaching political neutrality. Public pages show aggregate figures only, never personal data.

## Home
home-title = Home
home-heading = Keeping civil servants neutral in Pemilu and Pilkada
home-intro = Netral is the system oversight bodies use to prevent, receive, examine and follow up reports of Indonesian civil servants (ASN) breaching political neutrality in national elections (Pemilu) and regional-head elections (Pilkada): from a report coming in, through verification and review and a recommendation to the employing authority (PPK), to the sanction and the follow-up on it.
funnel-heading = How reports progress
funnel-intro = { $total ->
    [0] No cases have been recorded yet.
    [one] One case recorded, by official reporting status:
   *[other] { $total } cases recorded in all, by official reporting status:
}
funnel-states-heading = Detail by stage
funnel-col-state = Stage, by reporting status
funnel-col-count = Cases
funnel-privacy = These are aggregate counts. Names, NIPs, case numbers and report contents are visible only to authorised staff.
home-rules-heading = The rules in force
home-rules-text = The list of violations, suggested sanctions, stage deadlines and the holiday calendar are versioned data, because the rules change with every election cycle.
home-rules-link = See the rules in force

## Official reporting statuses (groupings of case stages)
status-awaiting-verification = Awaiting verification
status-awaiting-follow-up = Awaiting PPK follow-up
status-sanctioned = Sanctioned
status-not-proven = Not proven
status-rejected = Rejected
status-cancelled = Cancelled
status-separated = Retired/left the service

## Case stages
state-received = Received
state-verification = Verification
state-review = Review
state-recommendation = Drafting the recommendation
state-awaiting-follow-up = Awaiting PPK follow-up
state-follow-up-refused = Follow-up refused by the PPK
state-warned = PPK warned
state-data-blocked = Personnel data blocked
state-sanctioned = Sanctioned
state-appeal = Objection/appeal
state-closed = Closed
state-rejected = Rejected
state-not-proven = Not proven
state-cancelled = Cancelled
state-separated = Retired/left the service

## Rules
rules-title = Rules { $version }
rules-heading = Civil-service neutrality rules
rules-in-force-today = The rules in force today, { $date } (Western Indonesia Time).
rules-not-in-force = This version is not in force today; it is shown for cases judged under it.
rules-version = Version
rules-name = Title
rules-oversight-body = Oversight body
rules-effective-from = In force since
rules-effective-since = in force since { $date }
rules-violations-heading = Violations
rules-violations-intro = Violations fall on two tracks: discipline (PP 94/2021) and the code of ethics (PP 42/2004). The sanctions listed are suggestions; the PPK decides.
rules-col-violation = Violation
rules-col-legal-basis = Legal basis
rules-col-sanction = Suggested sanction
rules-col-severity = Severity
rules-disputed = Disputed
rules-disputed-note = "Disputed": official sources disagree on how heavy the sanction is; the suggestion is a default to be weighed.
rules-unknown = Unknown
rules-clocks-heading = Deadline for each stage
rules-clocks-intro = Working days leave out Saturdays, Sundays, national holidays and collective leave days. A clock can be paused while waiting on the reporter.
rules-col-stage = Stage
rules-col-duration = Deadline
rules-col-source = Source
rules-unconfirmed = Not yet certain
rules-versions-heading = All rule versions
rules-in-force-tag = In force today
rules-calendar-heading = Holiday calendar
rules-calendar-intro = National holidays, collective leave and voting days stop working-day clocks.
rules-calendar-year = Holidays { $year }

## Tracks and severities
track-discipline = Discipline violations
track-ethics = Code-of-ethics violations
severity-moral = Moral sanction
severity-medium = Medium discipline
severity-heavy = Heavy discipline
severity-dismissal = Dismissal without honour

## Durations
clock-calendar-days = { $days } { $days ->
    [one] calendar day
   *[other] calendar days
}
clock-working-days = { $days } { $days ->
    [one] working day
   *[other] working days
}

## Holidays
holidays-title = Holidays { $year }
holidays-heading = Holidays in { $year }
holidays-intro = These days do not count as working days in case-handling deadlines.
holidays-col-date = Date
holidays-col-kind = Kind
holidays-col-name = Name
holidays-names-note = Holiday names are given as in the government decree, in Indonesian.
holidays-years-label = Other years
holidays-back = Back to the rules
holiday-kind-national = National holiday
holiday-kind-collective-leave = Collective leave
holiday-kind-election = Voting day

## Dates
date-long = { $weekday }, { $day } { $month } { $year }
weekday-mon = Monday
weekday-tue = Tuesday
weekday-wed = Wednesday
weekday-thu = Thursday
weekday-fri = Friday
weekday-sat = Saturday
weekday-sun = Sunday
month-jan = January
month-feb = February
month-mar = March
month-apr = April
month-may = May
month-jun = June
month-jul = July
month-aug = August
month-sep = September
month-oct = October
month-nov = November
month-dec = December

## Errors
error-not-found-title = Page not found
error-not-found-message = The page you are looking for does not exist or has moved. Please check the address.
error-method-title = Request not supported
error-method-message = This page cannot accept that kind of request.
error-unavailable-title = Service temporarily unavailable
error-unavailable-message = The database cannot be reached at the moment. Please try again shortly.
error-internal-title = Something went wrong
error-internal-message = Something went wrong in the system. Staff can see it in the system log; please try again later.
error-status = Status code { $status }
error-home-link = Back to the home page
