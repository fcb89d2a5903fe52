# Netral — interface text, English (second language). Keys mirror id/netral.ftl exactly.

## Page frame
site-name = Netral
site-tagline = Civil-service neutrality
skip-to-content = Skip to content
nav-label = Main navigation
nav-home = Home
nav-rules = Rules
nav-report = Report
nav-status = Check status
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
home-report-heading = Seen a civil servant take sides?
home-report-text = Report it here, without giving your name if you prefer. You will get a report number and a receipt code to follow what happens to it.
home-report-link = Report a violation
home-status-link = Check a report's status

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
state-merged = Merged into another case

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

## Report form
report-title = Report a violation
report-heading = Report a civil servant breaching neutrality
report-intro = Fill in this form if you saw a civil servant (ASN) take sides in a national election (Pemilu) or a regional-head election (Pilkada). Only what happened, who and when are required. You may report without giving your name.
form-required = (required)
report-what-heading = What happened?
report-what-intro = Tick everything that fits. If in doubt, choose "I'm not sure": the officers will judge it.
report-group-social-media = On social media
report-group-events = At events or meetings
report-group-photos = In photos
report-group-party = Parties, campaign teams and campaign material
report-group-office = Office, programmes and official facilities
report-group-candidacy = Running for office, or accompanying a spouse who runs
report-group-other = Other
report-what-unsure = I'm not sure
report-what-unsure-hint = Just describe what happened; the officers decide which violation it is.
report-what-MEDSOS_INTERAKSI = Liking, sharing, commenting on or following a candidate's account
report-what-MEDSOS_INTERAKSI-hint = For example: liking or sharing a candidate pair's post, or sharing a candidate's stickers in a WhatsApp group.
report-what-MEDSOS_KAMPANYE = Urging people to vote for a candidate on social media
report-what-MEDSOS_KAMPANYE-hint = For example: posting a call to vote, a support twibbon or a campaign video on Facebook, Instagram or TikTok.
report-what-ETIK_MEDSOS_INTERAKSI = Liking, sharing or following a prospective candidate's account (not yet designated by the KPU)
report-what-ETIK_MEDSOS_INTERAKSI-hint = For example: following and liking the posts of a prospective presidential candidate before candidates are designated.
report-what-ETIK_MEDSOS_PROMOSI = Promoting a prospective candidate on social media
report-what-ETIK_MEDSOS_PROMOSI-hint = For example: posting a photo of someone about to run, with a call to support them.
report-what-DEKLARASI = Attending a candidate's declaration or campaign and actively supporting it
report-what-DEKLARASI-hint = For example: at a candidate pair's declaration, cheering, giving a speech or wearing the candidate's T-shirt.
report-what-ETIK_DEKLARASI = Attending a prospective candidate's declaration and actively supporting it
report-what-ETIK_DEKLARASI-hint = For example: going on stage when someone declares themselves a prospective candidate for regent.
report-what-KEGIATAN_KEBERPIHAKAN = Holding or joining partisan activities: meetings, appeals or handing out goods
report-what-KEGIATAN_KEBERPIHAKAN-hint = For example: attending a political party's anniversary, or handing out food parcels with a candidate's picture.
report-what-ETIK_KEGIATAN_PROMOSI = Taking part in an event promoting a prospective candidate
report-what-ETIK_KEGIATAN_PROMOSI-hint = For example: organising or speaking at a prospective candidate's outreach event.
report-what-FOTO_KEBERPIHAKAN = Posing with a candidate in a way that shows support
report-what-FOTO_KEBERPIHAKAN-hint = For example: a photo with a candidate, raising fingers or making a hand sign of the candidate's ballot number.
report-what-ETIK_FOTO = Posing with a prospective candidate with partisan gestures or attributes
report-what-ETIK_FOTO-hint = For example: a photo with a prospective candidate wearing the T-shirt or symbol of the party backing them.
report-what-TIM_SEBELUM_PENETAPAN = Serving on a prospective candidate's campaign team, expert team or as a consultant
report-what-TIM_SEBELUM_PENETAPAN-hint = For example: sitting on a prospective candidate's winning team before the KPU designates the candidates.
report-what-TIM_SETELAH_PENETAPAN = Serving on a candidate's campaign team, expert team or as a consultant
report-what-TIM_SETELAH_PENETAPAN-hint = For example: being named in the campaign team a candidate pair registered with the KPU.
report-what-ANGGOTA_PARPOL = Being a member or officer of a political party
report-what-ANGGOTA_PARPOL-hint = For example: being listed among a party's officers, or holding a party membership card.
report-what-DUKUNGAN_KTP = Giving a support letter or collecting ID-card copies for an independent candidate
report-what-DUKUNGAN_KTP-hint = For example: asking staff or residents to hand in copies of their ID cards for an independent candidate.
report-what-ATRIBUT = Putting up a candidate's banners, billboards or campaign material
report-what-ATRIBUT-hint = For example: putting a candidate pair's billboard on the fence of an office or official residence.
report-what-ETIK_ATRIBUT = Putting up a prospective candidate's banners or billboards
report-what-ETIK_ATRIBUT-hint = For example: putting up a banner with the picture of someone about to run, before they are designated.
report-what-KEPUTUSAN_MENGUNTUNGKAN = Using an office, programmes or official facilities to favour or harm a candidate
report-what-KEPUTUSAN_MENGUNTUNGKAN-hint = For example: using an official car for campaigning, handing out government aid in a candidate's name, or mobilising staff to support a candidate.
report-what-CALON_TIDAK_MUNDUR = Running for office without resigning from the civil service
report-what-CALON_TIDAK_MUNDUR-hint = For example: registered as a candidate for a regional parliament or regional head while still working as a civil servant.
report-what-PENDEKATAN_PARPOL = Registering with a party or seeking support to be nominated
report-what-PENDEKATAN_PARPOL-hint = For example: registering with a party as a prospective regional-head candidate, or collecting residents' support to run as an independent.
report-what-ETIK_KAMPANYE_PASANGAN = Accompanying a spouse who runs for office without unpaid leave (CLTN)
report-what-ETIK_KAMPANYE_PASANGAN-hint = For example: campaigning alongside a husband running for regent without taking unpaid leave (CLTN).
report-summary-label = Describe what happened
report-summary-hint = Who did what, when, where, and who else saw it. Use your own words.
report-who-heading = Who are you reporting?
report-number-label = NIP or NIK
report-number-hint = NIP: the staff number, 18 digits. NIK: the ID-card number, 16 digits. Spaces are fine.
report-unknown-summary = I don't know their NIP or NIK
report-unknown-intro = Give their name, position and agency. Reports without a NIP or NIK are accepted, but the officers must first find the person, so they may take longer.
report-subject-name-label = Name
report-subject-position-label = Position
report-subject-agency-label = Agency or office
report-when-heading = When and where?
report-date-label = Date it happened
report-date-hint = An estimate is fine, but not a date in the future.
report-place-label = Place
report-place-hint = For example the building, village, district and regency or city.
report-links-label = Links to posts
report-links-hint = One link per line, at most { $max }. Copy the address from the browser or the "Share" button.
report-election-legend = Which election?
report-election-pemilu = Pemilu (president, DPR, DPD, DPRD)
report-election-pilkada = Pilkada (governor, regent, mayor)
report-election-unknown = Don't know
report-evidence-heading = Evidence
report-evidence-label = Photos, videos, screenshots or PDF documents
report-evidence-hint = Not required, but very helpful. At most { $count } files, each at most { $size }.
report-evidence-again = The files you chose were not sent: attach your files again before sending.
report-identity-heading = About you
report-identity-intro = Choose how much may be known about you.
report-mode-anonymous = Anonymous
report-mode-anonymous-hint = We keep nothing about you. Only the receipt code lets you follow this report; if you lose it, you cannot follow the report any more.
report-mode-confidential = Confidential
report-mode-confidential-hint = Your name and contact details are stored locked (encrypted). Only the identity custodian may open them, and every opening is recorded.
report-mode-identified = With my name
report-mode-identified-hint = The officers handling the report may know your name and contact you.
report-identity-fields-hint = Only for "Confidential" or "With my name": your name, and a phone number or email.
report-reporter-name-label = Your name
report-reporter-phone-label = Phone or WhatsApp number
report-reporter-email-label = Email
report-honeypot-label = Leave this field empty
report-privacy-note = Once sent, you get a report number and a receipt code. Keep both: only with them can you follow the report and answer the officers.
report-submit = Send the report

## NIP/NIK check
number-too-short = A { $kind } has { $expected } digits; this one has only { $got }.
number-too-long = A { $kind } has { $expected } digits; this one has { $got }.
number-too-short-any = A NIP has 18 digits and a NIK 16; this number has only { $got }.
number-character = only digits and spaces are allowed; there is "{ $found }" at position { $position }.
number-zero-serial = no { $kind } has serial number zero; check its last digits.
number-nik-region = the first 6 digits of the NIK are not a region code that exists.
number-nik-birth = the birth date in the NIK (digits 7 to 12) is not a real date.
number-nip-birth = the birth date in the NIP (the first 8 digits, { $digits }) is not a real date.
number-nip-birth-year = the birth year in the NIP ({ $year }) is not possible.
number-nip-appointment = the appointment month or year in the NIP (digits 9 to 14) is not possible.
number-nip-sex = digit 15 of a NIP is 1 (male) or 2 (female), not { $digit }.
number-invalid = this number is not valid.
number-check-found = Found in the personnel records: { $name }, { $position }, { $agency }.
number-check-found-note = The name is masked on purpose. Check that the position and agency match the person you mean.
number-check-not-found = This NIP is not in the personnel records; the report can still be sent.
number-check-nik = This NIK is valid. The officers will match it against the personnel records; the report can still be sent.
number-check-limited = Too many number checks from your device. The report can still be sent; the number is checked then.

## Form errors
form-errors-heading = Some things need correcting
form-error = { $field }: { $message }
field-violations = What happened
field-summary = Describe what happened
field-subject_number = NIP or NIK
field-subject_name = Name of the person reported
field-incident_date = Date it happened
field-place = Place
field-links = Links to posts
field-election = Election
field-evidence = Evidence
field-reporter_mode = About you
field-reporter_name = Your name
field-reporter_phone = Phone number
field-reporter_email = Email
field-body = Message
field-report_number = Report number
field-receipt_code = Receipt code
form-missing = this is required.
form-too-long = at most { $max } characters.
form-value-invalid = this value is not valid.
form-subject-missing = give a NIP or NIK or, if you don't know it, the name of the person reported.
form-subject-name-missing = give the name of the person reported.
form-date-invalid = the date cannot be read; pick it in the calendar.
form-date-future = { $date } has not happened yet; the date cannot be in the future.
form-date-no-rules = the neutrality rules known to the system apply from { $since }; earlier events cannot be reported here.
form-links-too-many = at most { $max } links; send the rest as screenshots.
form-link-invalid = "{ $link }" is not a web address; links start with https:// or http://.
form-election-invalid = choose Pemilu, Pilkada or Don't know.
form-mode-invalid = choose one of the options.
form-contact-missing = give a phone number or an email so the officers can reach you, or choose "Anonymous".
form-phone-invalid = a phone number may only hold digits, spaces, +, - and brackets.
form-email-invalid = the email address is incomplete (for example name@example.id).
form-files-too-many = at most { $max } files.
form-file-too-large = file { $name } is larger than { $size }.
form-file-wrong-type = file { $name } is not an image, a PDF or a video.
form-file-empty = file { $name } is empty.
form-reply-missing = write a message or attach a file.
form-invalid = This form is incomplete or was altered. Check it, then send it again.
form-too-fast = This form was sent a few seconds after it was opened. Check it, then send it again.
form-expired = This form was opened more than a day ago. Check it, then send it again.

## Receipt
receipt-title = Report received
receipt-heading = Thank you, your report has been received
receipt-replayed = This report had already been received; here is the same receipt.
receipt-number-label = Report number
receipt-code-label = Receipt code
receipt-keep-title = Write this code down or take a screenshot now.
receipt-keep = It is shown only once and cannot be recovered: we do not keep it. Without the report number and this code you cannot follow the report or answer the officers. Do not give the code to anyone.
receipt-next-heading = What happens next?
receipt-next-received = Your report is checked for completeness and passed to the task force (Satgas) within { $duration }.
receipt-next-verification = The Satgas verifies it within { $duration }: whether the person is a civil servant, whether there is evidence, and whether it is a neutrality violation.
receipt-next-review = If it passes, Bawaslu reviews it. If it is proven, a sanction is recommended to the person's employing authority (PPK).
receipt-next-status = The officers may ask you for more details. Follow the report and their messages on the Check status page, with the report number and receipt code.
receipt-status-link = Go to Check status

## Check status
status-title = Check a report's status
status-heading = Check a report's status
status-intro = Enter the report number and the receipt code you got when you reported.
status-number-label = Report number
status-number-hint = For example: LAP-2024-000123
status-code-label = Receipt code
status-code-hint = 20 letters and digits. Dashes and lower case are fine.
status-submit = Show the status
status-no-match = The report number or the receipt code does not match. Check both.
status-locked = Too many wrong codes were tried for this report number. To keep the report safe, try again in { $minutes } minutes.
status-code-length = a receipt code has 20 letters and digits; you typed { $got }.
status-code-character = "{ $found }" does not occur in receipt codes.
status-lost-code = Lost your code? It cannot be recovered, as we do not keep it. You can file a new report and mention the old one in it.
status-report-title = Report { $number }
status-report-heading = Report { $number }
status-stage-label = Where it stands
status-deadline = Deadline for this stage:
status-deadline-provisional = (an estimate: that year's holidays are not set yet)
status-received = Report received:
status-files-heading = Files you sent
status-files-none = No files.
status-thread-heading = Messages
status-thread-empty = No messages yet.
status-author-reporter = You
status-author-handler = Officer
status-message-at = { $date }, { $time } WIB (UTC+7)
status-reply-heading = Write to the officers
status-reply-label = Message
status-reply-hint = More details, answers to the officers' questions, or new evidence.
status-reply-files-label = Attachments
status-reply-submit = Send the message
status-reply-sent = Your message has been sent.
status-look-again = To see the officers' answer later, open Check status again with your report number and receipt code.
status-continues-under = Your report is now handled together with case { $number }. That case's stage now:

## Case stages in a reporter's words
citizen-state-received = Report received, waiting to be checked
citizen-state-verification = Being verified by the task force (Satgas)
citizen-state-review = Being reviewed by Bawaslu
citizen-state-recommendation = Violation proven; the sanction recommendation is being drafted
citizen-state-awaiting-follow-up = Recommendation sent to the employing authority (PPK), awaiting follow-up
citizen-state-follow-up-refused = The PPK refused to follow up, with reasons; the overseers are weighing them
citizen-state-warned = The PPK has not followed up and has been warned
citizen-state-data-blocked = The PPK has not followed up; the person's personnel data is blocked until a sanction is imposed
citizen-state-sanctioned = Proven; a sanction has been imposed
citizen-state-appeal = The person reported has objected to or appealed the sanction
citizen-state-closed = Closed
citizen-state-rejected = The report cannot be taken further (for example the person is not a civil servant, there is too little evidence, or it is out of scope)
citizen-state-not-proven = Not proven
citizen-state-cancelled = The report was cancelled
citizen-state-separated = The person is no longer a civil servant (retired, resigned or dismissed)
citizen-state-merged = This report concerns the same incident as another report and was merged with it to be handled together

## File sizes
size-bytes = { $n } bytes
size-kb = { $n } KB
size-mb = { $n } MB

## Errors
error-not-found-title = Page not found
error-not-found-message = The page you are looking for does not exist or has moved. Please check the address.
error-method-title = Request not supported
error-method-message = This page cannot accept that kind of request.
error-form-title = The form cannot be accepted
error-form-message = The form has expired or is not valid. Open the form page again, reload it, and send it again.
error-refused-title = The submission cannot be accepted
error-refused-message = This form looks as if a program filled it in, so it was not kept. If you filled it in yourself, open the form again and send it once more.
error-too-large-title = Too large
error-too-large-message = The files together are over the size limit. Send fewer or smaller files; more evidence can be sent later as a message on the Check status page.
error-too-many-title = Too many requests
error-too-many-message = Too many submissions from your device in a short time. Wait a few minutes, then try again.
error-bad-request-title = The submission cannot be read
error-bad-request-message = The form arrived incomplete or damaged. Open the form again, then try again.
error-unavailable-title = Service temporarily unavailable
error-unavailable-message = The database cannot be reached at the moment. Please try again shortly.
error-internal-title = Something went wrong
error-internal-message = Something went wrong in the system. Staff can see it in the system log; please try again later.
error-status = Status code { $status }
error-home-link = Back to the home page

## Back office: sign-in, account, roster, users
error-forbidden-title = Not allowed
error-forbidden-message = Your role may not open this page or take this action. Ask an administrator if your work needs it.
role-verifier = Verifier (task force)
role-reviewer = Reviewer (Bawaslu)
role-decision-maker = Decision maker
role-ppk-liaison = PPK liaison
role-custodian = Custodian of reporters' identities
role-analyst = Statistics analyst
role-administrator = Administrator
sex-male = Male
sex-female = Female
field-username = User name
field-password = Password
field-code = 6-digit code
field-current_password = Current password
field-new_password = New password
field-repeat_password = Repeat the new password
field-display_name = Full name
field-email = E-mail
field-role = Role
field-scope = Area of work
field-q = Search by NIP, NIK or name
office-field-required = is required.
office-nav-label = Back-office navigation
office-nav-home = Office
office-nav-roster = Civil servants
office-nav-users = Users
office-sign-out = Sign out
office-signed-in-as = Signed in as { $name }, { $role }
office-scope-national = National
office-scope-province = { $name } province
office-sign-in-title = Sign in
office-sign-in-heading = Sign in to the Netral office
office-sign-in-intro = This page is for staff only. Reporters do not sign in: use the Check status page.
office-sign-in-submit = Sign in
office-sign-in-forgot = Forgot your password? Ask an administrator to reset it; passwords are never sent by e-mail.
office-sign-in-refused = The user name or password is wrong.
office-sign-in-throttled = Too many failed sign-in attempts. Wait 15 minutes, then try again.
office-code-title = Verification code
office-code-heading = Enter the code from your authenticator app
office-code-intro = Open the authenticator app on your phone and type the 6-digit code for Netral.
office-code-submit = Continue
office-code-wrong = the code is wrong or already used. Wait for the next code in the app, then try again.
office-code-throttled = too many wrong codes. Wait 15 minutes, then try again.
office-enroll-title = Turn on two-step verification
office-enroll-heading = Turn on two-step verification
office-enroll-intro = Your role holds highly confidential data, so every sign-in needs a code from an authenticator app on your phone besides the password.
office-enroll-step-app = Install an authenticator app (for example FreeOTP, Aegis, Google Authenticator or Microsoft Authenticator).
office-enroll-step-scan = Scan this QR code with the app.
office-enroll-secret = Cannot scan? Type this key:
office-enroll-step-code = Type the 6-digit code the app shows.
office-enroll-submit = Turn on
office-enroll-qr-label = QR code for the authenticator app
office-password-title = Change password
office-password-heading = Change password
office-password-must-change = Your password was set by an administrator. Choose your own before you continue.
office-password-hint = At least { $min } characters. A short sentence you remember is safer than a complicated word.
office-password-submit = Save password
office-password-mismatch = does not match the new password.
office-password-wrong-current = is wrong.
office-password-too-short = is too short: at least { $min } characters.
office-password-too-long = is too long: at most 256 characters.
office-password-has-username = must not contain the user name.
office-home-title = Office
office-home-heading = Netral office
office-home-roster = find civil servants by NIP, NIK or name, within your area of work.
office-home-users = create accounts, reset passwords and disable staff accounts.
office-roster-title = Civil servants
office-roster-heading = Civil servants
office-roster-q-hint = Type a name with or without titles, in part, in any case.
office-roster-agency = Agency
office-roster-agency-all = Every agency in your area of work
office-roster-submit = Search
office-roster-results = { $count ->
    [0] No results
    [one] 1 result
   *[other] { $count } results
}
office-roster-more = Only the first { $limit } results are shown. Narrow the search with a fuller name or choose an agency.
office-roster-none = No civil servant in your area of work matches.
office-roster-back = ← Back to the search
office-col-name = Name
office-col-position = Position
office-col-agency = Agency
office-col-case = Case number
office-col-state = Stage
office-col-opened = Opened
office-col-status = Status
office-col-actions = Actions
office-record-nip-lama = Old NIP
office-record-given-name = Name without titles
office-record-titles = Titles
office-record-birth = Place and date of birth
office-record-sex = Sex
office-record-type = Employee type
office-record-unit = Work unit
office-record-eselon = echelon
office-record-rank = Rank
office-record-cases = Case history
office-record-no-cases = No case about this civil servant yet.
office-users-title = Users
office-users-heading = Staff accounts
office-users-issued = Temporary password for { $username }:
office-users-issued-once = Hand it over in person. It is shown only once and must be changed at first sign-in.
office-users-disabled = Disabled
office-users-active = Active
office-users-2fa = two-step
office-users-reset = Reset password
office-users-reset-2fa = Reset authenticator app
office-users-disable = Disable
office-users-enable = Enable
office-users-new = New account
office-users-username-hint = 3–64 lower-case letters, digits, dots, hyphens or underscores, e.g. siti.rahma.
office-users-scope-province = One province
office-users-scope-agency = One agency
office-users-create = Create account
office-users-taken = is already taken by another account.
office-users-bad-name = may hold only lower-case letters, digits, dots, hyphens or underscores, 3 to 64 characters.
office-users-unknown-agency = unknown agency.
office-users-unknown-province = unknown province.
office-users-scope-missing = choose national, one province or one agency.
field-file = File
office-nav-imports = Data imports
office-home-imports = upload SIASN roster exports and follow their progress.
office-import-title = Roster import
office-import-heading = Roster import
office-import-intro = Upload a SIASN roster export (CSV or XLSX). Good rows are saved at once; bad rows are listed in a report you can download, with their line and column. Importing the same file again updates the data and never duplicates it.
office-import-file-hint = CSV (comma, semicolon or tab) or XLSX, with SIASN's column headers (nipBaru, nama, instansiIndukNama, …). Agencies must be registered first.
office-import-submit = Upload and import
office-import-no-file = choose the file to import.
office-import-recent = Latest imports
office-import-none = No import yet.
office-import-col-file = File
office-import-col-by = By
office-import-col-rows = Rows read
office-import-status = { $status ->
    [queued] Waiting its turn
    [running] Running
    [done] Finished
   *[failed] Failed
}
office-import-back = ← Back to the imports
office-import-run-heading = Import of { $file }
office-import-progress-label = Import progress
office-import-rows-read = { $rows } rows read ({ $percent } % of the file).
office-import-inserted = New civil servants
office-import-updated = Updated
office-import-unchanged = Unchanged
office-import-rejected = Rows rejected
office-import-download-report = Download the report of rejected rows (CSV)
office-import-failed = The import stopped: { $error }
office-nav-cases = Cases
office-home-cases = work queues: new reports, due soon, overdue, waiting on the PPK, escalated.
office-queues-label = Queues
office-queue-mine = My cases
office-queue-new = New
office-queue-due-soon = Due soon
office-queue-overdue = Overdue
office-queue-awaiting-ppk = Waiting on the PPK
office-queue-escalated = Escalated
office-queue-open = All in progress
office-queue-all = All
office-cases-title = Cases
office-cases-heading = Cases
office-cases-q = Search a case or report number, NIP or name
office-cases-any-state = Every stage
office-cases-election = Election
office-cases-deadline = Deadline
office-cases-subject = Reported person
office-cases-overdue = overdue
office-cases-unlinked = not yet linked to the roster
office-cases-none = No case in this queue.
office-cases-more = Only the first { $limit } cases are shown; narrow with the search or filters.
office-cases-assignee = Handled by
office-cases-assignee-anyone = Anyone
office-cases-assignee-me = Me
office-cases-assignee-nobody = No one yet
office-case-back = ← Back to the queue
office-case-deadline = deadline
office-case-provisional = (provisional: the holiday calendar is incomplete)
office-case-rules = Rules applied
office-case-violations = Violations found
office-case-sanction = Sanction
office-case-reports = Reports
office-case-received = Received
office-case-channel = through
office-case-reported-subject = Reported person, as the reporter wrote
office-case-hints = Violations the reporter suspected
office-case-reporter = Reporter
office-case-evidence = Evidence
office-case-no-evidence = No evidence file.
office-case-letters = Letters
office-case-no-letters = No letter to the PPK yet.
office-letter-kind-recommendation = Recommendation letter
office-letter-kind-warning = Warning letter
office-letter-download = Download PDF
office-letter-pending = The PDF is being made; reload the page in a moment.
office-letter-numbered = The system numbers the letter when this action is saved, and makes it as a PDF listed under Letters.
office-case-messages = Messages
office-case-internal = internal note
office-case-from-duplicate = from the merged case
office-case-decide = Decisions at this stage
office-case-timeline = History
office-event-opened = Report received
office-action-start-verification = Start verification
office-action-pass-verification = Passed verification, forward to review
office-action-reject = Reject the report
office-action-cancel = Cancel
office-action-mark-separated = The person is no longer a civil servant
office-action-pause-clock = Pause the deadline
office-action-resume-clock = Resume the deadline
office-action-find-violation = Violation proven
office-action-find-not-proven = Not proven
office-action-issue-recommendation = Issue the recommendation to the PPK
office-action-record-follow-up = Record the PPK's follow-up
office-action-record-refusal = Record the PPK's refusal
office-action-warn = Send the PPK a warning
office-action-block-data = Request a block of the personnel data
office-action-unblock = The PPK acted: lift the block
office-action-file-appeal = Record an objection or appeal
office-action-decide-appeal = Record the appeal's outcome
office-action-close = Close the case
office-action-assign = Assignment
office-action-link-subject = Subject linked to the roster
office-action-merge-into = Merged into another case
office-field-note = Reason or note
office-field-reason = Reason
office-field-separation = How the service ended
office-field-violations = Violations proven
office-field-sanction = Sanction
office-field-override-reason = Why a sanction other than the rules' suggestion
office-field-decree-number = Decree number
office-field-decree-date = Decree date
office-field-request-number = Block request letter number
office-field-kind = Kind
office-field-filed-on = Filed on
office-field-outcome = Outcome
office-field-changed-sanction = New sanction (when changed)
office-field-nip = NIP
office-field-into = Number of the case to merge into
office-field-to = Officer
office-choice-not-an-asn = Not a civil servant
office-choice-no-evidence = No evidence
office-choice-out-of-scope = Out of scope
office-choice-duplicate = Duplicate report
office-choice-retired = Retired
office-choice-dismissed = Dismissed
office-choice-resigned = Resigned
office-choice-died = Died
office-choice-objection = Objection
office-choice-administrative-appeal = Administrative appeal (BPASN)
office-choice-upheld = Sanction upheld
office-choice-changed = Sanction changed
office-choice-annulled = Sanction annulled
office-action-not-now = Your role cannot take this action at the case's current stage. Reload the page to see where it stands.
office-action-conflict = Another officer has just changed this case. Check its history below, then decide again if still needed.
office-action-unreadable = The form cannot be read; reload the page and try again.
office-action-field-unreadable = { $field }: the value cannot be read, check it again.
office-action-required = { $field }: required.
office-action-too-long = { $field }: at most { $max } characters.
office-action-unknown-code = { $field }: code { $code } is not in this case's rules, or is listed twice.
office-action-override-needed = The rules suggest the sanction { $suggested }. To choose another, write down why.
office-action-future-date = { $field }: the date cannot be in the future.
office-action-deadline-not-passed = The PPK's deadline ({ $due }) has not passed yet; a warning can only be sent after it.

## Case desk: assignment, subject, duplicates
office-desk-heading = Handling
office-desk-open = Open the case's handling (assignment, subject, duplicates)
office-desk-back = Back to case { $number }
office-desk-merged-into = This case has been merged, as a duplicate, into case
office-desk-assignee = Handled by
office-desk-you = you
office-desk-unassigned = No one handles it yet
office-desk-take = Take it
office-desk-assign-to = Assign to
office-desk-assign = Assign
office-desk-link-heading = Link the subject to the roster
office-desk-relink-heading = Correct the subject
office-desk-link-hint = The NIP the reporter wrote is not in the roster. Search for the person by NIP, NIK or name; the case moves to their agency.
office-desk-relink-hint = This case is linked to NIP { $nip }. If that is wrong, find the right person and write why; the change is kept in the history.
office-desk-reported-nips = NIPs the reporters wrote:
office-desk-search = Search by NIP, NIK or name
office-desk-relink-reason = Reason for the correction
office-desk-link = Link to { $name }
office-desk-merged-from = Duplicates merged into this case
office-desk-duplicates-heading = Likely duplicates
office-desk-duplicates-hint = Open cases about the same person or the same NIP, with incident dates at most { $days } days apart.
office-desk-duplicates-none = No open case looks like a duplicate.
office-desk-merge-here = Merge { $number } into this case
office-desk-merge-there = Merge this case into { $number }
office-desk-merge-away = Merge this case into another case
office-work-finished = Case { $number } is finished; nothing more can be changed.
office-work-not-lead = Only a { $role } can assign a case at this stage to someone else. You can take a case no one handles yet.
office-work-taken = { $user } has already taken this case. Only a { $role } can reassign it.
office-work-unknown-assignee = There is no active account named { $user }.
office-work-assignee-out-of-scope = { $user }'s area does not include this case.
office-work-assignee-cannot-handle = A { $role } does not handle cases at this stage. Choose an officer who does.
office-work-assignment-changed = Another officer has just changed who handles this case. Look again, then try again if still needed.
office-work-already-assigned = { $user } already handles this case.
office-work-assignee-would-lose = This case is handled by { $user }, whose area does not include the new agency. Reassign it first.
office-work-subject-not-found = No civil servant with NIP { $nip } in the roster of your area. If the person works elsewhere, an officer whose area includes that agency must link the case.
office-work-subject-changed = Another officer has just changed this case's subject. Look again, then try again if still needed.
office-work-already-linked = This case is already linked to NIP { $nip }.
office-work-merge-itself = A case cannot be merged into itself.
office-work-merge-not-found = There is no case { $number } in your area.
office-work-merge-subjects-differ = Case { $duplicate } is about a different civil servant than case { $into }. If it is the same person, correct its subject first.
office-work-merge-across-scopes = Case { $duplicate } is placed in another agency than case { $into }. Link case { $into } to the same person first.
office-work-merge-too-late = This case has been reviewed on its merits; duplicates can only be merged before that.

## Back office: declared social-media accounts, the agency list, an agency's roster.
office-nav-agencies = Agencies
office-record-accounts = Declared social-media accounts
office-record-no-accounts = This civil servant has not declared any social-media account.
office-col-platform = Platform
office-col-handle = Account
office-col-declared = Declared on
office-roster-agency-list = Staff of { $agency }
office-roster-page = Page { $page }
office-page-previous = ← Previous
office-page-next = Next →
office-agencies-title = Agencies
office-agencies-heading = Agencies within your scope
office-agencies-name = Agency name
office-agencies-kind = Kind
office-agencies-kind-all = All kinds
office-agencies-election = Integrity pacts for
office-agencies-election-none = Pacts not tied to an election
office-agencies-submit = Show
office-agencies-count = { $count ->
    [0] No agency matches.
    [one] 1 agency · page { $page } of { $pages }
   *[other] { $count } agencies · page { $page } of { $pages }
}
office-col-region = Region
office-col-ppk = PPK
office-col-roster = Staff
office-col-coverage = Pact coverage
office-agencies-share = { $percent }%
office-agencies-agency-pact = agency-wide pact
office-agencies-no-roster = no staff on the roster yet
platform-facebook = Facebook
platform-instagram = Instagram
platform-x = X (Twitter)
platform-tiktok = TikTok
platform-youtube = YouTube
platform-threads = Threads
platform-linkedin = LinkedIn
platform-whatsapp-channel = WhatsApp channel
platform-other = Other
agency-kind-central = Central
agency-kind-province = Province
agency-kind-regency = Regency
agency-kind-city = City
office-reporter-mode = { $mode ->
    [anonymous] Anonymous
    [confidential] Confidential (identity sealed)
   *[identified] Identified (identity sealed)
}
office-reveal-open = Open the reporter's identity
office-reveal-reason = Why the identity must be opened
office-reveal-hint = Every opening is recorded with your name and reason, for auditors to check.
office-reveal-submit = Open the identity
office-reveal-reason-short = The reason is too short: at least { $min } characters, as it is what auditors read.
office-reveal-title = Reporter's identity
office-reveal-heading = Reporter of report { $report }
office-reveal-recorded = This opening has been recorded with your name, the time and the reason. Do not copy the identity elsewhere.
office-reveal-anonymous = This report is anonymous: no identity is stored.
office-reveal-back = ← Back to case { $number }
office-message-label = Message
office-message-hint = Unless ticked below, the reporter reads the message on the Check status page.
office-message-internal = Internal note (staff only)
office-message-send = Send the message
office-message-length = A message must hold 1 to { $max } characters.

## Personal API tokens (/kantor/akun/token)
office-tokens-title = API tokens
office-tokens-heading = Personal API tokens
office-tokens-intro = Your programs can use Netral's JSON API with a personal token, with your account's role and scope. Send the token in the Authorization: Bearer header. Revoke tokens that are no longer used.
office-tokens-docs = API documentation
office-tokens-issued = Token "{ $name }" created, valid until { $expires }:
office-tokens-issued-once = Copy it now and keep it somewhere safe: it is shown only once. Whoever holds it acts in your name.
office-tokens-col-created = Created
office-tokens-col-expires = Valid until
office-tokens-col-used = Last used
office-tokens-never-used = never
office-tokens-status-live = Active
office-tokens-status-expired = Expired
office-tokens-status-revoked = Revoked
office-tokens-revoke = Revoke
office-tokens-none = You have no tokens yet.
office-tokens-new = New token
office-tokens-name-hint = The program or purpose holding this token, for example "Bawaslu West Java daily summary".
office-tokens-days = { $days } days
office-tokens-create = Create token
office-tokens-name-too-long = too long: at most { $max } characters.
office-tokens-too-many = there are already { $max } active tokens. Revoke one first.
office-home-tokens = tokens for programs that use the JSON API in your name.
field-token_name = Token name
field-lifetime = Valid for

## Mail sent by the worker (subjects and bodies; Indonesian and English go in one message)
mail-subject-reminder = Deadline reminder for case { $case }
mail-body-reminder = Case { $case } at stage "{ $stage }" must be handled by { $due }. Please open the case in the Netral office.
mail-subject-overdue = Deadline passed for case { $case }
mail-body-overdue = The deadline of case { $case } at stage "{ $stage }" was { $due } and has passed. Please handle it in the Netral office without delay.
mail-subject-recommendation-arrived = Recommendation to follow up: case { $case }
mail-body-recommendation-arrived = A sanction recommendation for case { $case } has been issued and awaits the follow-up of the employing authority (PPK). Please open the case in the Netral office to record the follow-up.
mail-subject-stage-changed = Progress of report { $report }
mail-body-stage-changed = Your report { $report } is now at this stage: { $stage }. You can see its status on the Check status page with your report number and receipt code.
mail-footer = This e-mail was sent automatically by Netral; please do not reply to it.

office-nav-audit = Audit log
office-nav-outbox = Mail outbox
office-audit-title = Audit log
office-audit-heading = Audit log
office-audit-intro = Every case event, every look at a reporter's identity and every account change is recorded here as a hash chain: an entry changed, inserted or deleted outside the system breaks the chain from that point on.
office-audit-check = Check the whole chain
office-audit-export = Download everything ({ $format })
office-audit-intact = The chain is intact: { $entries } entries checked, none broken.
office-audit-last-hash = Hash of the last entry (keep it elsewhere for the next check):
office-audit-checked = { $entries } entries checked.
office-audit-broken = { $kind ->
    [missing] The chain breaks at entry { $seq }: entries { $seq } to { $last } are missing (deleted?).
    [wrong_link] The chain breaks at entry { $seq }: it does not link to the entry before it (that entry rewritten, or this one put in?).
    [wrong_hash] The chain breaks at entry { $seq }: its content does not match its hash (changed after it was written?).
   *[unreadable] The chain breaks at entry { $seq }: the entry cannot be read.
}
office-audit-entries = Latest entries
office-audit-col-seq = No.
office-audit-col-at = Time
office-audit-col-actor = Actor
office-audit-col-action = Action
office-audit-col-subject = About
office-audit-col-details = Details
office-audit-older = Older entries
office-audit-none = The audit log is still empty.
office-outbox-title = Mail outbox
office-outbox-heading = Mail outbox
office-outbox-intro = The latest { $limit } messages: sent, waiting for a retry, and given up. Addresses and content of notices to reporters are not shown.
office-outbox-col-created = Created
office-outbox-col-kind = Kind
office-outbox-col-to = To
office-outbox-col-case = Case
office-outbox-col-attempts = Attempts
office-outbox-col-at = Time
office-outbox-col-outcome = Outcome
office-outbox-col-response = Server's answer
office-outbox-kind = { $kind ->
    [reminder] Deadline reminder
    [overdue] Overdue notice
    [recommendation_arrived] Recommendation to the PPK
   *[stage_changed] Stage notice to the reporter
}
office-outbox-status = { $status ->
    [sent] Sent
    [queued] Waiting
    [failed] Failed (given up)
   *[skipped] Skipped
}
office-outbox-outcome = { $outcome ->
    [sent] Accepted by the server
   *[failed] Failed
}
office-outbox-to-reporter = reporter (address sealed)
office-outbox-none = No mail yet.
office-outbox-mail-title = Mail
office-outbox-back = ← Outbox
office-outbox-content = Content
office-outbox-reporter-hidden = The content of notices to reporters is not shown, so that no reporter can be tied to their case.
office-outbox-attempts = Delivery log
office-outbox-no-attempts = No delivery attempt yet.
mail-letter-attached = Letter number { $number } is attached (PDF, SHA-256 { $sha256 }).
mail-letter-not-attached = Letter number { $number } could not be attached; a copy is on the case page.
