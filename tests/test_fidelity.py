"""What the `fidelity` check takes for an edit beyond style, time and place."""

from __future__ import annotations

import datetime
import re
from pathlib import Path
from typing import Any

import pytest

from compliance.checks.fidelity import FidelityParams
from compliance.checks.fidelity_compare import beyond_style
from tests.conftest import ROOT, write

PARAMS = FidelityParams("nd", None, 70, 3)

# (original, republished, why the edit is beyond style; None: a style, time or place edit)
EDITS = [
    # A vote turned around, a month or weekday for another: facts changed, not relative time.
    ("The council voted 5-2 to approve the new bus routes.", "The council voted 2-5 to approve the new bus routes.", "5-2 → 2-5"),
    ("The hearing is set for June 12 at the county courthouse.", "The hearing is set for July 12 at the county courthouse.", '"June" → "July"'),
    ("The council met on Tuesday to vote on the budget plan.", "The council met on Wednesday to vote on the budget plan.", '"Tuesday" → "Wednesday"'),
    ("The hearing is set for Sept. 12 at the county courthouse.", "The hearing is set for September 12 at the county courthouse.", None),
    ("The rule takes effect in May, officials said on Monday.", "The rule takes effect in May, officials said Monday.", None),
    ("Inspectors signed off on 41 welds along the line.", "Inspectors signed off on 14 welds along the line.", "41 → 14"),
    ("The council voted 5-2 to approve the new bus routes.", "The council voted 5-3 to approve the new bus routes.", "5-2 → 5-3"),
    ("It was his 14th inspection of the line that month.", "It was his 41st inspection of the line that month.", "14th → 41st"),
    ("The agency fined the company $2 million last spring.", "The agency fined the company $3 million last spring.", "$2 → $3"),
    ("The council voted to add twelve routes to the network.", "The council voted to add 12 routes to the network.", None),
    # A number spelled in several words is one number ("twenty-six" is 26, not 20 and 6).
    ("The clinic treated 26 patients in its first week.", "The clinic treated twenty-six patients in its first week.", None),
    ("The clinic treated 26 patients in its first week.", "The clinic treated twenty six patients in its first week.", None),
    ("The district spent $126,000 on the new roof.", "The district spent $126 thousand on the new roof.", None),
    ("The clinic treated 26 patients in its first week.", "The clinic treated twenty-seven patients in its first week.", "26 → twenty-seven"),
    ("The clinic treated 26 patients in its first week.", "The clinic treated twenty patients in its first week.", "26 → twenty"),
    ("The agency fined 5 firms, a hundred workers said.", "The agency fined 5 firms, 100 workers said.", None),
    # A length of time written as one word is a fact of the story, not a time relative to its day.
    ("The other site was a four-hour drive away, records show.", "The other site was a five-hour drive away, records show.", "four-hour → five-hour"),
    ("The other site was a four-hour drive away, records show.", "The other site was a four-year drive away, records show.", "four-hour → four-year"),
    ("The other site was a four-hour drive away, records show.", "The other site was an hour drive away, records show.", "a four-hour → an hour"),
    ("He was sentenced to a 10-year term in federal prison.", "He was sentenced to a 12-year term in federal prison.", "10-year → 12-year"),
    ("The other site was a four-hour drive away, records show.", "The other site was a 4-hour drive away, records show.", None),
    ("The other site was a four-hour drive away, records show.", "The other site was a four hour drive away, records show.", None),
    ("The state gave a $5 million grant to the city council.", "The state gave a $5M grant to the city council.", None),
    ("The state gave a $5 million grant to the city council.", "The state gave a $5,000,000 grant to the city council.", None),
    ("The new routes start in two weeks, the council said.", "The new routes start in three weeks, the council said.", None),
    ("The vote came 3 days ago, after a long debate.", "The vote came last week, after a long debate.", None),
    ("He said he had never falsified anything at all.", "He said he had falsified things at all.", "a negation removed"),
    ("If the inspector is not there, nobody is checking.", "If the inspector is not there, somebody is checking.", "a negation removed"),
    ("The company said the welds had been inspected.", "The company said the welds had not been inspected.", "a negation added"),
    ("Redbud did not respond to repeated phone calls.", "Redbud didn't respond to repeated phone calls.", None),
    ("The council met on Tuesday in Portland, Ore.", "The council met last week in Portland.", None),
    # A time of day is a fact: only the same instant restated passes, in another style or, when
    # both name a time zone, in another zone (a zone the original does not name cannot be restated).
    ("The hearing is set for 10 a.m. on Monday, officials said.", "The hearing is set for 11 a.m. on Monday, officials said.", '"10 a.m." → "11 a.m."'),
    ("The hearing starts at 3 p.m. on Monday, officials said.", "The hearing starts at 5 p.m. on Monday, officials said.", '"3 p.m." → "5 p.m."'),
    ("The hearing starts at 9:30 a.m. on Monday, officials said.", "The hearing starts at 9:45 a.m. on Monday, officials said.", '"9:30 a.m." → "9:45 a.m."'),
    ("The clinic is open 9 a.m. to 5 p.m. on weekdays.", "The clinic is open 9 a.m. to 6 p.m. on weekdays.", '"5 p.m." → "6 p.m."'),
    ("The hearing starts at 3 p.m. ET on Monday, officials said.", "The hearing starts at 1 p.m. PT on Monday, officials said.", '"3 p.m. ET" → "1 p.m. PT"'),
    ("The hearing starts at 3 p.m. ET on Monday, officials said.", "The hearing starts at 3 p.m. PT on Monday, officials said.", '"3 p.m. ET" → "3 p.m. PT"'),
    ("The hearing starts at 3 p.m. on Monday, officials said.", "The hearing starts at noon PT on Monday, officials said.", '"3 p.m." → "noon PT"'),
    ("The hearing starts at 3 p.m. on Monday, officials said.", "The hearing starts at 15:00 on Monday, officials said.", None),
    ("The hearing starts at 3 p.m. on Monday, officials said.", "The hearing starts at 3:00 p.m. on Monday, officials said.", None),
    ("The hearing starts at 3 p.m. on Monday, officials said.", "The hearing starts at 3pm on Monday, officials said.", None),
    ("The hearing starts at noon on Monday, officials said.", "The hearing starts at 12 p.m. on Monday, officials said.", None),
    ("The hearing starts at 3 p.m. ET on Monday, officials said.", "The hearing starts at noon PT on Monday, officials said.", None),
    ("The hearing starts at 3 p.m. EDT on Monday, officials said.", "The hearing starts at 19:00 UTC on Monday, officials said.", None),
    ("The hearing starts at 3 p.m. on Monday, officials said.", "The hearing starts at 3 p.m. ET on Monday, officials said.", None),
    # A zone the original names, dropped, leaves a reader elsewhere another time; one the copy
    # still writes at another time of the paragraph (AP's zone once after a range) is kept.
    (
        "The hearing starts at 3 p.m. ET on Monday, officials said.",
        "The hearing starts at 3 p.m. on Monday, officials said.",
        '"3 p.m. ET" → "3 p.m.": its time zone dropped',
    ),
    (
        "The polls close at noon PT on Tuesday, officials said.",
        "The polls close at noon on Tuesday, officials said.",
        '"noon PT" → "noon": its time zone dropped',
    ),
    (
        "The market opens at 9:30 a.m. EST on Monday, traders said.",
        "The market opens at 9:30 a.m. on Monday, traders said.",
        '"9:30 a.m. EST" → "9:30 a.m.": its time zone dropped',
    ),
    (
        "The call starts at 20:00 GMT on Friday, the agency said.",
        "The call starts at 20:00 on Friday, the agency said.",
        '"20:00 GMT" → "20:00": its time zone dropped',
    ),
    (
        "The clinic is open from 9 a.m. to 5 p.m. ET on weekdays.",
        "The clinic is open from 9 a.m. to 5 p.m. on weekdays.",
        '"5 p.m. ET" → "5 p.m.": its time zone dropped',
    ),
    (
        "The clinic is open from 9 a.m. to 5 p.m. ET on weekdays.",
        "The clinic is open from 9 a.m. to 5 p.m. CT on weekdays.",
        '"9 a.m. to 5 p.m. ET" → "9 a.m. to 5 p.m. CT"',
    ),
    ("The clinic is open from 9 a.m. to 5 p.m. ET on weekdays.", "The clinic is open from 8 a.m. to 4 p.m. CT on weekdays.", None),
    ("The clinic is open from 9 a.m. ET to 5 p.m. ET on weekdays.", "The clinic is open from 9 a.m. to 5 p.m. ET on weekdays.", None),
    ("The vote is at 9 a.m. ET and again at 5 p.m. ET on Monday.", "The vote is at 9 a.m. and again at 5 p.m. ET on Monday.", None),
    ("The hearing starts at 3 p.m. ET on Monday, officials said.", "The hearing starts at 2 p.m. CT on Monday, officials said.", None),
    ("The hearing starts at 3 p.m. ET on Monday, officials said.", "The hearing starts at 3 p.m. CT on Monday, officials said.", '"3 p.m. ET" → "3 p.m. CT"'),
    # A place put for another that is no shortening or relative place names another place.
    (
        "The shelter in Austin is full every night, staff said.",
        "The shelter in Travis County is full every night, staff said.",
        '"Austin" → "Travis County": another place',
    ),
    (
        "The board met in Portland, Ore., to vote on the plan.",
        "The board met in Multnomah County to vote on the plan.",
        '"Portland Ore." → "Multnomah County": another place',
    ),
    ("The board met in Portland, Ore., to vote on the plan.", "The board met in Salem, Ore., to vote on the plan.", '"Portland" → "Salem": another place'),
    ("The board met in Portland, Ore., to vote on the plan.", "The board met in the county to vote on the plan.", None),
    ("The board met in Portland, Ore., to vote on the plan.", "The board met in downtown Portland to vote on the plan.", None),
    # A range of times turned round is another range; its ends restated keep it.
    ("The clinic is open from 9 a.m. to 5 p.m. daily.", "The clinic is open from 5 p.m. to 9 a.m. daily.", '"9 a.m. to 5 p.m." → "5 p.m. to 9 a.m."'),
    ("Voting runs between 9 a.m. and noon on Tuesday.", "Voting runs between noon and 9 a.m. on Tuesday.", '"9 a.m. and noon" → "noon and 9 a.m."'),
    ("The clinic is open from 9 a.m. to 5 p.m. daily.", "The clinic is open from 09:00 to 17:00 daily.", None),
    # Style, relative time and place: the same words in another style (case, punctuation, hyphens,
    # US/UK spelling, a typo, a contraction, an abbreviation or acronym, AP usage), words of time
    # or place, function words, courtesy titles, a word moved.
    ("The board voted yesterday to raise the fees.", "The board voted last week to raise the fees.", None),
    ("The clinic will close on Friday, officials said.", "The clinic will close this week, officials said.", None),
    ("Ms. Alvarez said the repairs were months behind.", "Alvarez said the repairs were months behind.", None),
    ("Dr. Karen Oduya, who runs the clinic, disagreed.", "Karen Oduya, who runs the clinic, disagreed.", None),
    ("Senator Ron Wyden asked the agency for its records.", "Sen. Ron Wyden asked the agency for its records.", None),
    ("The Labor Department said it would review the claims.", "The Labor Dept. said it would review the claims.", None),
    ("About 40 percent of the nurses left within a year.", "About 40% of the nurses left within a year.", None),
    ("The U.S. Senate passed the bill without a hearing.", "The US Senate passed the bill without a hearing.", None),
    ("The United States has no such rule for pipelines.", "The U.S. has no such rule for pipelines.", None),
    ("The Environmental Protection Agency opened a case against the refinery last spring.", "The EPA opened a case against the refinery last spring.", None),
    ("The colour of the water changed within hours.", "The color of the water changed within hours.", None),
    ("The hospital will organise a vaccination drive.", "The hospital will organize a vaccination drive.", None),
    ("The city centre was closed to traffic for the march.", "The city center was closed to traffic for the march.", None),
    ("The nurses travelled to the capital to testify.", "The nurses traveled to the capital to testify.", None),
    ("The agency's defence of the policy drew criticism.", "The agency's defense of the policy drew criticism.", None),
    ("Health-care workers walked off the job at noon.", "Health care workers walked off the job at noon.", None),
    ("The company's e-mail said the plant would reopen.", "The company's email said the plant would reopen.", None),
    ("It is not clear the rule will survive a challenge.", "It isn't clear the rule will survive a challenge.", None),
    ("The inspectors will not return to the site.", "The inspectors won't return to the site.", None),
    ("The shelter in Austin, Texas, is full every night.", "The shelter here is full every night.", None),
    ("The flooding in Santa Clara County closed roads.", "The flooding in the county closed roads.", None),
    ("Residents of Flint, Mich., lacked clean water.", "Residents of Flint, Michigan, lacked clean water.", None),
    ("The rule which the council passed is now in force.", "The rule that the council passed is now in force.", None),
    ("More than 200 people attended the hearing.", "Over 200 people attended the hearing.", None),
    ("The findings were published in a report, researchers say.", "The findings were published in a report, researchers said.", None),
    ("The meeting is at 7 p.m. Thursday at city hall.", "The meeting is at 7 p.m. tomorrow at city hall.", None),
    ("The program has been recognised by the state.", "The program has been recognized by the state.", None),
    ("The goverment did not answer questions about it.", "The government did not answer questions about it.", None),
    ("The nurses' union has 1,200 members statewide.", "The nurses union has 1,200 members statewide.", None),
    ("The clinic closed two years ago and never reopened.", "The clinic closed in 2019 and never reopened.", None),
    ("The march ended at St. Louis City Hall.", "The march ended at Saint Louis City Hall.", None),
    ("The company, based in Chicago, denied the claims.", "The company, based here, denied the claims.", None),
    ("The grey water system failed twice.", "The gray water system failed twice.", None),
    ("“We ran out of beds,” said Lopez.", "“We ran out of beds,” Lopez said.", None),
    ("The inspections are done by the state's own staff.", "The inspections are done by Oregon's own staff.", None),
    ("He was the first nurse hired at the clinic.", "He was the 1st nurse hired at the clinic.", None),
    ("Gov. Gavin Newsom signed the bill into law on Friday.", "Governor Gavin Newsom signed the bill into law on Friday.", None),
    ("The shelter in Fresno, Calif., is full most nights now.", "The shelter in Fresno, California, is full most nights now.", None),
    ("The hearing was held Feb. 3 in the state capitol.", "The hearing was held February 3 in the state capitol.", None),
    ("The Covid-19 pandemic closed the clinic for months.", "The COVID-19 pandemic closed the clinic for months.", None),
    ("The researchers analysed the samples over two years.", "The researchers analyzed the samples over two years.", None),
    ("Their neighbours' favourite theatre closed in 2020.", "Their neighbors' favorite theater closed in 2020.", None),
    ("The licence was revoked after the inspection.", "The license was revoked after the inspection.", None),
    ("Mr Smith declined to comment on the lawsuit.", "Smith declined to comment on the lawsuit.", None),
    ("The company, Acme Inc., denied the claims.", "The company, Acme, denied the claims.", None),
    ("Sen. Ron Wyden, D-Ore., asked for the records.", "Sen. Ron Wyden, D-Oregon, asked for the records.", None),
    ("The march started on Main St. and ended downtown.", "The march started on Main Street and ended downtown.", None),
    ("The rally in Washington, D.C., drew thousands of people.", "The rally in Washington drew thousands of people.", None),
    ("The nurses are co-operating with the investigation.", "The nurses are cooperating with the investigation.", None),
    ("They're planning to appeal the decision this week.", "They are planning to appeal the decision this week.", None),
    ("The case is Smith vs. Jones, filed in May.", "The case is Smith versus Jones, filed in May.", None),
    ('"It\'s a disaster," said Jane Doe, a nurse.', '"It\'s a disaster," Jane Doe, a nurse, said.', None),
    ("The tests were done at the Mayo Clinic in Rochester, Minnesota.", "The tests were done at the Mayo Clinic in Rochester, Minn.", None),
    ("The agency spent $1.2 billion on the program last year.", "The agency spent $1.2 billion on the programme last year.", None),
    ("The wildfire burned across the U.K. and Europe.", "The wildfire burned across the UK and Europe.", None),
    ("The council said they would vote on the plan next month.", "The council said it would vote on the plan next month.", None),
    ("A litre of fuel cost more in the city than in the suburbs.", "A liter of fuel cost more in the city than in the suburbs.", None),
    ("The clinic closed after the audit, officials said.", "The clinic closed in 2019 after the audit, officials said.", None),
    ("No one answered the phone at the clinic that day.", "Nobody answered the phone at the clinic that day.", None),
    # Spacing alone, also inside a number or a negation.
    ("The county has 10 000 residents, the census shows.", "The county has 10000 residents, the census shows.", None),
    ("The clinic can not hire enough nurses, officials said.", "The clinic cannot hire enough nurses, officials said.", None),
    ("Redbud Field Services of Tulsa employed the inspector.", "Tulsa-based Redbud Field Services employed the inspector.", None),
    # A date kept true from the republication's day keeps its side of the day, period or year it
    # names: a relative time edit. One put on the other side moves the event: a fact changed.
    ("The board voted yesterday to raise the fees.", "The board voted tomorrow to raise the fees.", '"yesterday" → "tomorrow"'),
    ("The board voted last week to raise the fees.", "The board voted next week to raise the fees.", '"last" → "next"'),
    ("The council approved the plan earlier this month.", "The council approved the plan later this month.", '"earlier" → "later"'),
    ("The deadline was two weeks ago, the agency said.", "The deadline is two weeks from now, the agency said.", '"ago" → "from now"'),
    ("The vote is set for tomorrow at city hall.", "The vote was set for yesterday at city hall.", '"tomorrow" → "yesterday"'),
    ("The plant closed recently, the state said.", "The plant closed soon, the state said.", '"recently" → "soon"'),
    ("The board will meet in the coming weeks.", "The board will meet in the past weeks.", '"coming" → "past"'),
    ("The former director spoke at the hearing.", "The future director spoke at the hearing.", '"former" → "future"'),
    ("The plant will close early next month, officials said.", "The plant will close late next month, officials said.", '"early" → "late"'),
    ("The hearing is set for 10 a.m. on Monday, officials said.", "The hearing is set for 10 p.m. on Monday, officials said.", '"10 a.m." → "10 p.m."'),
    ("The crash happened Tuesday morning on the highway.", "The crash happened Tuesday evening on the highway.", '"morning" → "evening"'),
    ("The clinic closed last spring after the audit.", "The clinic closed last fall after the audit.", '"spring" → "fall"'),
    ("The board voted yesterday to raise the fees.", "The board voted on Monday to raise the fees.", None),
    ("The vote is set for tomorrow at city hall.", "The vote is set for next week at city hall.", None),
    ("The vote is set for tomorrow at city hall.", "The vote is set for Friday at city hall.", None),
    ("The council approved the plan earlier this month.", "The council approved the plan last month.", None),
    ("The council will vote on the plan later this month.", "The council will vote on the plan next month.", None),
    ("The plant closed recently, the state said.", "The plant closed last month, the state said.", None),
    ("The storm hit the coast Tuesday night, officials said.", "The storm hit the coast tonight, officials said.", None),
    ("The storm hit the coast Tuesday night, officials said.", "The storm hit the coast Tuesday evening, officials said.", None),
    ("The clinic opened this morning, officials said.", "The clinic opened yesterday morning, officials said.", None),
    ("The storm hit the coast overnight, officials said.", "The storm hit the coast Tuesday morning, officials said.", None),
    ("The storm hit this past weekend, officials said.", "The storm hit last weekend, officials said.", None),
    ("The board will meet at the upcoming session, officials said.", "The board will meet at the next session, officials said.", None),
    ("The storm hit later Tuesday, officials said.", "The storm hit Tuesday afternoon, officials said.", None),
    ("The vote happened earlier today, officials said.", "The vote happened this morning, officials said.", None),
    ("The rule takes effect tomorrow, officials said.", "The rule takes effect today, officials said.", None),
    ("The hearing starts at noon on Monday, officials said.", "The hearing starts at midnight on Monday, officials said.", '"noon" → "midnight"'),
    ("The clinic closed last spring after the audit.", "The clinic closed this spring after the audit.", None),
    ("The clinic closed last autumn after the audit.", "The clinic closed last fall after the audit.", None),
    ("The vote is set for next week at city hall.", "The vote is set for this week at city hall.", None),
    ("The board voted yesterday and meets again tomorrow.", "The board voted tomorrow and meets again yesterday.", '"yesterday" → "tomorrow"'),
    # A tense shifted with a form of "be" tells a later day what was true on the original's; a
    # future put for a past does not ("will" is content).
    ("The clinic is closed to patients, officials said.", "The clinic was closed to patients, officials said.", None),
    ("The vote was on Tuesday at city hall.", "The vote will be on Tuesday at city hall.", '"was" → "will be"'),
    # "From" for "to" turns a movement around; AP's "to $1,200 from $900" moves words, and after
    # "different" the two say the same.
    ("Flights from Denver were canceled on Tuesday.", "Flights to Denver were canceled on Tuesday.", '"from" → "to"'),
    ("The grant went to the county, records show.", "The grant went from the county, records show.", '"to" → "from"'),
    ("The patients were moved from the clinic last week.", "The patients were moved into the clinic last week.", '"from" → "into"'),
    ("Rents rose from $900 to $1,200 over two years.", "Rents rose to $1,200 from $900 over two years.", None),
    ("The law is different to the old one, she said.", "The law is different from the old one, she said.", None),
    ("The team traveled to Denver for the game.", "The team traveled into Denver for the game.", None),
    ("The clinic is open from 9 a.m. to 5 p.m. daily.", "The clinic is open 9 a.m.-5 p.m. daily.", None),
    ("The mayor's adviser said the plan was ready.", "The mayor's advisor said the plan was ready.", None),
    ("Protestors gathered outside city hall on Monday.", "Protesters gathered outside city hall on Monday.", None),
    # Reordered words that keep each noun with its preposition are AP's order; ones that swap which
    # noun goes with "to" and which with "from" (or "before"/"after", "won"/"lost against") turn
    # the fact around.
    ("The family moved to Ohio from Texas last year.", "The family moved from Ohio to Texas last year.", '"to Ohio" → "from Ohio"'),
    ("The family moved from Ohio to Texas last year.", "The family moved to Ohio from Texas last year.", '"from Ohio" → "to Ohio"'),
    ("The family moved to Ohio from Texas last year.", "The family moved from Texas to Ohio last year.", None),
    ("Flights from Denver to Tulsa were canceled on Tuesday.", "Flights to Denver from Tulsa were canceled on Tuesday.", '"from Denver" → "to Denver"'),
    ("Flights from Denver to Tulsa were canceled on Tuesday.", "Flights to Tulsa from Denver were canceled on Tuesday.", None),
    ("Rents rose from $900 to $1,200 over two years.", "Rents rose to $900 from $1,200 over two years.", '"from $900" → "to $900"'),
    ("He spoke before the vote and after the hearing.", "He spoke after the vote and before the hearing.", '"before the vote" → "after the vote"'),
    ("The team won against Iowa and lost against Texas.", "The team won against Texas and lost against Iowa.", '"won against Iowa" → "lost against Iowa"'),
    ("The team won against Iowa and lost against Texas.", "The team lost against Texas and won against Iowa.", None),
    ("The law is different to the old one, she said.", "The law is different from the old one, she said.", None),
    ("The bus runs from the airport to downtown every hour.", "The bus runs every hour from the airport to downtown.", None),
    ("The team won against Iowa on Friday, the coach said.", "On Friday the team won against Iowa, the coach said.", None),
    # A range is a range in any style when both its ends stay: "to", AP's "through", a dash.
    ("The clinic is open Monday to Friday, officials said.", "The clinic is open Monday through Friday, officials said.", None),
    ("The clinic is open Monday through Friday, officials said.", "The clinic is open Monday-Friday, officials said.", None),
    ("The clinic is open Monday through Friday, officials said.", "The clinic is open Monday to Friday, officials said.", None),
    ("The rules are on pages 10 to 12 of the report.", "The rules are on pages 10 through 12 of the report.", None),
    ("The rules are on pages 10 through 12 of the report.", "The rules are on pages 10–12 of the report.", None),
    ("The clinic is open 9 a.m. to 5 p.m. on weekdays.", "The clinic is open 9 a.m. through 5 p.m. on weekdays.", None),
    ("The festival runs June 3 to June 9 this year.", "The festival runs June 3 through June 9 this year.", None),
    ("The clinic is open Monday to Friday, officials said.", "The clinic is open Monday through Saturday, officials said.", '"to Friday" → "through Saturday"'),
    ("The rules are on pages 10 to 12 of the report.", "The rules are on pages 10 through 14 of the report.", "to 12 → through 14"),
    ("The road runs to the river, officials said.", "The road runs through the river, officials said.", '"to" → "through"'),
    # A range turned round is another range, whatever joins its ends.
    ("Inspections ran Monday to Friday.", "Inspections ran Friday through Monday.", '"Monday to Friday" → "Friday through Monday"'),
    ("Inspections ran January through March.", "Inspections ran March through January.", '"January through March" → "March through January"'),
    ("Inspections ran Monday-Friday, officials said.", "Inspections ran Friday-Monday, officials said.", '"Monday-Friday" → "Friday-Monday"'),
    ("The rules are on pages 10 to 12 of the report.", "The rules are on pages 12 to 10 of the report.", '"10 to 12" → "12 to 10"'),
    ("Inspections ran January through March, officials said.", "Inspections ran Jan. to March, officials said.", None),
    ("Inspections ran from January to March, officials said.", "Inspections ran January through March, officials said.", None),
    ("The bill passed to the Senate on Monday.", "The bill passed through the Senate on Monday.", '"to" → "through"'),
    # A unit of time, distance or money put for another changes the fact, with or without a number;
    # a time counted from the republication's day may be restated in another unit ("last week" →
    # "last month", "two days ago" → "two weeks ago"), and so may a length ("48 hours" → "two days").
    ("Crews contained the fire within a few hours, officials said.", "Crews contained the fire within a few years, officials said.", '"hours" → "years"'),
    ("Minutes later, police arrived at the clinic.", "Days later, police arrived at the clinic.", '"Minutes" → "Days"'),
    ("The family lived in the shelter for weeks, she said.", "The family lived in the shelter for months, she said.", '"weeks" → "months"'),
    ("The strike lasted several days, the union said.", "The strike lasted several weeks, the union said.", '"days" → "weeks"'),
    ("The fire burned for 48 hours before crews arrived.", "The fire burned for 48 days before crews arrived.", '"hours" → "days"'),
    ("The walk is a few miles long, officials said.", "The walk is a few kilometers long, officials said.", '"miles" → "kilometers"'),
    ("The tickets cost a few dollars each, she said.", "The tickets cost a few euros each, she said.", '"dollars" → "euros"'),
    ("The truck carried several tons of waste, records show.", "The truck carried several pounds of waste, records show.", '"tons" → "pounds"'),
    ("The fire burned for 48 hours before crews arrived.", "The fire burned for two days before crews arrived.", None),
    ("The fire burned for a week before crews arrived.", "The fire burned for seven days before crews arrived.", None),
    ("The fire burned for an hour before crews arrived.", "The fire burned for 60 minutes before crews arrived.", None),
    ("He served 10 years in prison for the fraud.", "He served a decade in prison for the fraud.", None),
    ("The repairs took a month, officials said.", "The repairs took 30 days, officials said.", None),
    ("The repairs took a year, officials said.", "The repairs took 12 months, officials said.", None),
    ("The repairs took a month, officials said.", "The repairs took four weeks, officials said.", '"a month" → "four weeks"'),
    ("The clinic closed for the weekend, officials said.", "The clinic closed for the week, officials said.", '"weekend" → "week"'),
    ("The clinic is open 24 hours a day, seven days a week.", "The clinic is open 24 hours a day, 7 days a week.", None),
    ("The board voted last week to raise the fees.", "The board voted last month to raise the fees.", None),
    ("The clinic closed two days ago, officials said.", "The clinic closed two weeks ago, officials said.", None),
    ("The new routes start in two weeks, the council said.", "The new routes start in 10 days, the council said.", None),
    ("The board will vote this week on the fees.", "The board will vote this month on the fees.", None),
    ("The deadline is three days from now, the agency said.", "The deadline is two weeks from now, the agency said.", None),
    # A count of the story's own time ("took 3 days", "for 3 hours") is a fact whatever its unit: only
    # a count from the republication's day ("two days ago", "in two weeks", "the past three days")
    # moves with the day, and a length only to the same length in other words ("72 hours").
    ("The review took 3 days, records show.", "The review took 4 days, records show.", "3 → 4"),
    ("The review took 3 hours, records show.", "The review took 300 hours, records show.", "3 → 300"),
    ("The review took three days, records show.", "The review took 30 days, records show.", "three → 30"),
    ("He worked for 3 hours on the welds.", "He worked four hours on the welds.", "for 3 → four"),
    ("The strike lasted two weeks, the union said.", "The strike lasted three weeks, the union said.", "two → three"),
    ("He served 10 years in prison for the fraud.", "He served 12 years in prison for the fraud.", "10 → 12"),
    ("The pipe failed 20 minutes after the test began.", "The pipe failed 2 minutes after the test began.", "20 → 2"),
    # "In" after a verb of work done counts the time it took, not a time from the day; told as a
    # future, it counts from the day again.
    ("The review was completed in 3 days, records show.", "The review was completed in 4 days, records show.", "3 → 4"),
    ("The crews finished the repairs in two weeks, records show.", "The crews finished the repairs in three weeks, records show.", "two → three"),
    ("The bridge was built in 18 months, records show.", "The bridge was built in 20 months, records show.", "18 → 20"),
    ("The work was done in just 3 days, records show.", "The work was done in just 5 days, records show.", "3 → 5"),
    ("The review was finished within 3 days, records show.", "The review was finished within 4 days, records show.", "3 → 4"),
    ("The review was completed in 3 days, records show.", "The review was completed in three days, records show.", None),
    ("The review was completed in 3 days, records show.", "The review was completed in 72 hours, records show.", None),
    ("The repairs will be completed in two weeks, officials said.", "The repairs will be completed in three weeks, officials said.", None),
    ("The review took 3 days, records show.", "The review took three days, records show.", None),
    ("The review took 72 hours, records show.", "The review took three days, records show.", None),
    ("He worked for 3 hours on the welds.", "He worked three hours on the welds.", None),
    ("The page took a second to load, she said.", "The page took one second to load, she said.", None),
    ("The vote came two days ago, after a long debate.", "The vote came four days ago, after a long debate.", None),
    ("The clinic has been closed for the past three days.", "The clinic has been closed for the past five days.", None),
    ("The routes start in the next two weeks, he said.", "The routes start in the next three weeks, he said.", None),
    # A number spelled out is the same number (AP spells a number that starts a sentence), an
    # ordinal too ("14th", "fourteenth", "twenty-first"); a count put for a rank is another fact
    # ("14 welds" → "14th welds"), but in a date the day reads either way ("March 14th").
    ("The clinic treated 150 patients last year, records show.", "The clinic treated one hundred and fifty patients last year, records show.", None),
    ("The clinic treated 126 patients last year, records show.", "The clinic treated one hundred twenty-six patients last year, records show.", None),
    (
        "The clinic treated 150 patients last year, records show.",
        "The clinic treated one hundred and sixty patients last year, records show.",
        "150 → one hundred and sixty",
    ),
    ("The clinic treated 150 patients and staff, records show.", "The clinic treated 150 patients and 40 staff, records show.", '"40" added'),
    ("It was his 14th inspection of the line that month.", "It was his fourteenth inspection of the line that month.", None),
    ("It was his 21st inspection of the line that month.", "It was his twenty-first inspection of the line that month.", None),
    ("It was his first inspection of the line that month.", "It was his 1st inspection of the line that month.", None),
    ("It was the 100th inspection of the line that month.", "It was the one hundredth inspection of the line that month.", None),
    ("It was his 14th inspection of the line that month.", "It was his fifteenth inspection of the line that month.", "14th → fifteenth"),
    ("It was his 21st inspection of the line that month.", "It was his twenty-second inspection of the line that month.", "21st → twenty-second"),
    # "second" without a count before it is a rank, not a unit of time ("a second", "30 seconds").
    ("He was the second inspector at the site.", "He was the first inspector at the site.", "second → first"),
    ("He was the first inspector at the site.", "He was the second inspector at the site.", "first → second"),
    ("On the second day, crews left the site.", "On the third day, crews left the site.", "second → third"),
    ("He was the second inspector at the site.", "He was the 2nd inspector at the site.", None),
    ("Inspectors signed off on 14 welds along the line.", "Inspectors signed off on 14th welds along the line.", "14 → 14th"),
    ("Inspectors signed off on 14 welds along the line.", "Inspectors signed off on fourteenth welds along the line.", "14 → fourteenth"),
    ("The hearing is set for March 14 at the courthouse.", "The hearing is set for March 14th at the courthouse.", None),
    ("The hearing is set for March 14 at the courthouse.", "The hearing is set for March fourteenth at the courthouse.", None),
    # "No." before a numeral is "number" (AP style; British style without the dot), not a negation.
    ("The team was ranked No. 1 in the state last year.", "The team was ranked number one in the state last year.", None),
    ("The bill is no. 12 on the agenda this week.", "The bill is number 12 on the agenda this week.", None),
    ("The team was ranked #1 in the state last year.", "The team was ranked No. 1 in the state last year.", None),
    ("The team was ranked #1 in the state last year.", "The team was ranked number one in the state last year.", None),
    ("The team was ranked No 1 in the state last year.", "The team was ranked number one in the state last year.", None),
    ("Lots Nos. 3 and 4 were sold at the auction.", "Lots numbers 3 and 4 were sold at the auction.", None),
    ("The team was ranked No. 3 in the state last year.", "The team was ranked No. 4 in the state last year.", "3 → 4"),
    ("The team was ranked No. 1 in the state last year.", "The team was ranked number 2 in the state last year.", "No. 1 → number 2"),
    ("Officials said there were no 12-year-olds at the camp.", "Officials said there were 12-year-olds at the camp.", "a negation removed"),
    ("No 12-year-old should work these hours, the union said.", "12-year-olds should work these hours, the union said.", "a negation removed"),
    ("The shelter had no beds left by Tuesday night.", "The shelter had beds left by Tuesday night.", "a negation removed"),
    # What the story says: a content word replaced, added or removed, however short the edit.
    ("The clinic treats patients with diabetes and heart disease.", "The clinic treats patients with cancer and heart disease.", '"diabetes" → "cancer"'),
    ("Maria Lopez, a nurse at the clinic, said she quit.", "Mario Lopes, a nurse at the clinic, said she quit.", '"Maria Lopez" → "Mario Lopes"'),
    ("Officials say the plan will cut costs for patients.", "Officials claim the plan will cut costs for patients.", '"say" → "claim"'),
    ("The board approved the permit after a long debate.", "The board rejected the permit after a long debate.", '"approved" → "rejected"'),
    ("A Democrat from Ohio wrote the bill last year.", "A Republican from Ohio wrote the bill last year.", '"Democrat" → "Republican"'),
    ("Rates increased sharply after the merger, records show.", "Rates decreased sharply after the merger, records show.", '"increased" → "decreased"'),
    ("The study found a link between the wells and the illness.", "The study found a strong link between the wells and the illness.", '"strong" added'),
    ("The report was released by the agency in June.", "The report was leaked by the agency in June.", '"released" → "leaked"'),
    ("He said the inspectors had been careless.", "She said the inspectors had been careless.", '"He" → "She"'),
    ("The company allegedly hid the records from regulators.", "The company hid the records from regulators.", '"allegedly" removed'),
    ("The nurses might strike next month, the union said.", "The nurses will strike next month, the union said.", '"might" → "will"'),
    ("The drug is safe for children, the agency said.", "The drug is unsafe for children, the agency said.", '"safe" → "unsafe"'),
    ("Prices rose slightly last year in the county.", "Prices rose sharply last year in the county.", '"slightly" → "sharply"'),
    ("The mayor resigned on Tuesday after the audit.", "The mayor was fired on Tuesday after the audit.", '"resigned" → "was fired"'),
    ("The senator voted against the bill in committee.", "The senator voted for the bill in committee.", '"against" → "for"'),
    ("Smith praised the plan at the hearing.", "Smith criticized the plan at the hearing.", '"praised" → "criticized"'),
    ("The fire destroyed 40 homes in the canyon.", "The fire damaged 40 homes in the canyon.", '"destroyed" → "damaged"'),
    ("The policy affected thousands of renters in the city.", "The policy effected thousands of renters in the city.", '"affected" → "effected"'),
    ("Police arrested the suspect outside the school.", "Police shot the suspect outside the school.", '"arrested" → "shot"'),
    ("The bill passed the House with no debate.", "The bill passed the Senate with no debate.", '"House" → "Senate"'),
    ("The claims are detailed in the lawsuit filed in May.", "The claims are detailed in the complaint filed in May.", '"lawsuit" → "complaint"'),
    ("The children were treated at the hospital overnight.", "The adults were treated at the hospital overnight.", '"children" → "adults"'),
    ("Patients pay under the new law, the county said.", "Patients pay under the old law, the county said.", '"new" → "old"'),
    ("Jordan Smith runs the food bank in town.", "Jordan Smyth runs the food bank in town.", '"Smith" → "Smyth"'),
    ("Mr. Lee declined to comment on the lawsuit.", "Ms. Lee declined to comment on the lawsuit.", '"Mr." → "Ms."'),
    ("Sen. Maria Cantwell voted for the measure.", "Rep. Maria Cantwell voted for the measure.", '"Sen." → "Rep."'),
    ("The nurses may strike if the talks fail.", "The nurses will strike if the talks fail.", '"may" → "will"'),
    ("The nurses strike if the talks fail.", "The nurses may strike if the talks fail.", '"may" added'),
    ("The water was contaminated with lead, tests showed.", "The water was contaminated with arsenic, tests showed.", '"lead" → "arsenic"'),
    ("The plant will close or be sold next year.", "The plant will close and be sold next year.", '"or" → "and"'),
    ("The CDC said the outbreak was over by then.", "The conducted said the outbreak was over by then.", '"CDC" → "conducted"'),
    ("Inspectors signed off on 41 welds along the line.", "Inspectors signed off on welds along the line.", '"41" removed'),
    ("The council added twelve routes to the network.", "The council added routes to the network.", '"twelve" removed'),
    # A date's day or year is a number of the story: changed, it is another date, not a relative
    # time ("March 14" → "March 14th" is style).
    ("On the morning of March 14, 2023, a weld failed.", "On the morning of March 15, 2023, a weld failed.", "14 → 15"),
    ("The clinic opened on Sept. 3 after a long delay.", "The clinic opened on Sept. 30 after a long delay.", "3 → 30"),
    ("The clinic opened in May 2023 after a long delay.", "The clinic opened in May 2024 after a long delay.", "2023 → 2024"),
    ("The county hired a new contractor in 2024.", "The county hired a new contractor in 2023.", "2024 → 2023"),
    ("The clinic opened on March 14 after a long delay.", "The clinic opened on March 14th after a long delay.", None),
    ("The clinic opened on Sept. 3 after a long delay.", "The clinic opened on September 3 after a long delay.", None),
    ("The bill passed on Tuesday, May 7, after debate.", "The bill passed on Tuesday, May 8, after debate.", "7 → 8"),
    ("The clinic opened on Jan. 5 after a long delay.", "The clinic opened on Jan. 5, 2024, after a long delay.", None),
    ("The clinic opened on March 14, 2023, after a long delay.", "The clinic opened on 14 March 2023 after a long delay.", None),
    # A place named for another is a fact changed; a place shortened, a state abbreviated (AP or
    # postal) or a relative word for it is a place edit.
    (
        "The crew worked near Amarillo, Texas, that morning.",
        "The crew worked near Tulsa, Oklahoma, that morning.",
        '"Amarillo Texas" → "Tulsa Oklahoma": another place',
    ),
    ("The pipeline runs through western Oklahoma for miles.", "The pipeline runs through western Kansas for miles.", '"Oklahoma" → "Kansas": another place'),
    ("The council met on Tuesday in Portland, Ore.", "The council met on Tuesday in Portland, Maine.", '"Ore." → "Maine.": another place'),
    ("The shelter in Austin, Texas, is full every night.", "The shelter in Dallas, Texas, is full every night.", '"Austin" → "Dallas": another place'),
    ("The council met on Tuesday in Portland, Ore.", "The council met on Tuesday in Portland, Oregon.", None),
    ("The pipeline runs through western Oklahoma for miles.", "The pipeline runs through western Okla. for miles.", None),
    ("Residents of Flint, Mich., lacked clean water.", "Residents of Flint, MI, lacked clean water.", None),
    ("Residents of Flint, Michigan, lacked clean water.", "Residents of Flint lacked clean water.", None),
    ("The storm hit Houston on Tuesday and moved east.", "The storm hit Dallas on Tuesday and moved east.", '"Houston" → "Dallas": another place'),
    # A city put as the state or country it is in says less than the original: not where, only
    # roughly; a state put as one of its cities says more. Either is another place, named so.
    (
        "The shelter in Austin is full every night, officials said.",
        "The shelter in Texas is full every night, officials said.",
        '"Austin" → "Texas": a city put as its state or country, less precise',
    ),
    (
        "The shelter in Austin is full every night, officials said.",
        "The shelter in Tex. is full every night, officials said.",
        '"Austin" → "Tex.": a city put as its state or country, less precise',
    ),
    (
        "The plant in Munich closed last year, the company said.",
        "The plant in Germany closed last year, the company said.",
        '"Munich" → "Germany": a city put as its state or country, less precise',
    ),
    (
        "The shelter in Texas is full every night, officials said.",
        "The shelter in Austin is full every night, officials said.",
        '"Texas" → "Austin": a state or country put as one of its cities, more precise',
    ),
    (
        "The shelter in Austin, Texas, is full every night.",
        "The shelter in Texas is full every night.",
        '"Austin Texas" → "Texas": a city cut to its state or country, less precise',
    ),
    ("The shelter in Austin, Texas, is full every night.", "The shelter in Austin is full every night.", None),
    # A state with a noun of place beside it names a place in the state, not the state: not less
    # precise, and not known to be the city either.
    (
        "The shelter in Austin is full every night, officials said.",
        "The shelter in the Texas capital is full every night, officials said.",
        '"Austin" → "the Texas capital": a city put as a place in its state or country, not by name',
    ),
    (
        "The plant in Austin closed last year, the company said.",
        "The plant in a Texas city closed last year, the company said.",
        '"Austin" → "a Texas city": a city put as a place in its state or country, not by name',
    ),
    ("The shelter in Austin is full every night, officials said.", "The shelter here is full every night, officials said.", None),
    ("The mayor spoke in Washington, D.C., on Monday.", "The mayor spoke in Washington, DC, on Monday.", None),
    ("The rally in Kansas City, Mo., drew thousands of people.", "The rally in Kansas City, Missouri, drew thousands of people.", None),
    ("The rally in New York City drew thousands of people.", "The rally in New York drew thousands of people.", None),
    ("Officials in Santa Clara County, Calif., said no.", "Officials in Santa Clara County said no.", None),
    ("The crew worked near Amarillo, Texas, that morning.", "The crew worked near Amarillo that morning.", None),
    ("The crew worked near Amarillo, Texas, that morning.", "The crew worked near our city that morning.", None),
    # "our" before a word of place, in the edit or right after it, is a relative place too.
    ("Garfield County commissioners voted on Tuesday.", "Our county commissioners voted on Tuesday.", None),
    ("The deaths are under review by the state medical examiner.", "The deaths are under review by our state medical examiner.", None),
    ("The deaths are under review by the state medical examiner.", "The deaths are under review by our medical examiner.", '"the state" → "our"'),
    ("Garfield County commissioners voted on Tuesday.", "Our commissioners voted on Tuesday.", '"Garfield County" → "Our"'),
    # A place with its qualifiers (compass words, "rural", "downtown", "the west side of") is one
    # place: put as "here" or "in our city", or its qualifier dropped, it is a place edit; a
    # qualifier put in or put for another, or another place named, is a change.
    ("The clinic in northern Michigan closed in May.", "The clinic here closed in May.", None),
    ("Crews worked on the west side of Chicago, Ill., for a week.", "Crews worked here for a week.", None),
    ("Crews worked on the west side of Chicago, Ill., for a week.", "Crews worked in Chicago for a week.", None),
    ("The clinic in rural Georgia closed in May.", "The clinic in Georgia closed in May.", None),
    ("The shelter in downtown Denver is full every night.", "The shelter in our city is full every night.", None),
    ("Inspectors north of Tulsa, Okla., found 41 bad welds.", "Inspectors here found 41 bad welds.", None),
    ("The plant in west-central Ohio closed in May.", "The plant here closed in May.", None),
    ("The clinic in southeast Denver, Colo., closed in May.", "The clinic in Denver, Colorado, closed in May.", None),
    (
        "The crew that worked on the east side of Chicago said no to the plan on Monday, officials of the union said.",
        "The crew that worked in this town said no to the plan on Monday, officials of the union said.",
        None,
    ),
    ("The clinic in northern Michigan closed in May.", "The clinic in southern Michigan closed in May.", '"northern" → "southern"'),
    ("The clinic in Michigan closed in May.", "The clinic in northern Michigan closed in May.", '"northern" added'),
    ("The clinic in northern Michigan closed in May.", "The clinic in northern Ohio closed in May.", '"Michigan" → "Ohio": another place'),
    (
        "Crews worked on the west side of Chicago, Ill., for a week.",
        "Crews worked on the west side of Milwaukee, Wis., for a week.",
        '"Chicago Ill." → "Milwaukee Wis.": another place',
    ),
    ("The clinic in southeast Denver, Colo., served 41 families.", "The clinic here served 14 families.", "41 → 14"),
    ("The nurse, Maria Lopez of rural Georgia, said no.", "The nurse here said no.", "61% similar"),
    (
        "The crew that worked on the far east side of Chicago, Ill., with new tools and trucks for the city said no to the plan"
        " on Monday, officials of the union said in a statement.",
        "The crew here said no to the plan on Monday, officials of the union said in a statement.",
        "an edit of 13 words (a place and its qualifiers read as one)",
    ),
    # A relative time put for a date of the calendar is judged by the republication's day; with
    # none given, it cannot be told right (`DATED_EDITS`). A weekday or a month alone is itself
    # read from the story's day.
    (
        "The county said it hired a new contractor in 2024.",
        "The county said it hired a new contractor last year.",
        '"in 2024" → "last year", judged without a publication date: "last year" depends on the day the copy is published; give publication_date',
    ),
    (
        "In the spring of 2023, a man held in the jail asked for help.",
        "Last spring, a man held in the jail asked for help.",
        '"In the spring of 2023" → "Last spring", judged without a publication date: '
        '"last spring" depends on the day the copy is published; give publication_date',
    ),
    # A negation put as a verb of refusal says it in other words: a changed wording, not a
    # meaning reversed.
    (
        "The sheriff's office did not respond to requests for comment.",
        "The sheriff's office declined to respond to requests for comment.",
        '"did not" → "declined to": a negation reworded as a refusal or denial',
    ),
    (
        "The company did not answer questions about the welds.",
        "The company refused to answer questions about the welds.",
        '"did not" → "refused to": a negation reworded as a refusal or denial',
    ),
    (
        "The company declined to answer questions about the welds.",
        "The company did not answer questions about the welds.",
        '"declined to" → "did not": a refusal or denial reworded as a negation',
    ),
    ("The company did not answer questions about the welds.", "The company did answer questions about the welds.", "a negation removed"),
    ("The firm did not deny the report on the welds.", "The firm denied the report on the welds.", "a negation removed"),
    ("The firm refused to comment on the welds.", "The firm declined to comment on the welds.", '"refused" → "declined"'),
]

# (the republication's day, original, republished, why the edit is beyond style): a relative time
# put for a date of the calendar keeps the fact only when it names a stretch holding that date.
DATED_EDITS = [
    # A full date's year put as a relative one: the comma that went with the year does not hide the edit.
    (
        "2026-01-01",
        "The county hired a new contractor on March 14, 2023, records show.",
        "The county hired a new contractor on March 14 last year, records show.",
        '"2023" → "last year": republished 2026-01-01, "last year" is 2025',
    ),
    (
        "2024-05-01",
        "The county hired a new contractor on March 14, 2023, records show.",
        "The county hired a new contractor on March 14 last year, records show.",
        None,
    ),
    (
        "2024-05-01",
        "The county hired a new contractor on March 14, 2023, records show.",
        "The county hired a new contractor on March 14 this year, records show.",
        '"2023" → "this year": republished 2024-05-01, "this year" is 2024',
    ),
    (
        "2026-01-01",
        "The inspections ended on June 2, 2024, the agency said.",
        "The inspections ended on June 2 two years ago, the agency said.",
        None,
    ),
    (
        "2024-06-01",
        "The county hired a new contractor in 2024.",
        "The county hired a new contractor last year.",
        '"in 2024" → "last year": republished 2024-06-01, "last year" is 2023',
    ),
    ("2025-02-10", "The county hired a new contractor in 2024.", "The county hired a new contractor last year.", None),
    ("2024-06-01", "The county hired a new contractor in 2024.", "The county hired a new contractor this year.", None),
    ("2023-11-20", "The county will hire a new contractor in 2024.", "The county will hire a new contractor next year.", None),
    (
        "2024-06-01",
        "In the spring of 2023, a man held in the jail asked for help.",
        "Last spring, a man held in the jail asked for help.",
        '"In the spring of 2023" → "Last spring": republished 2024-06-01, "last spring" is spring 2024',
    ),
    ("2023-07-01", "In the spring of 2023, a man held in the jail asked for help.", "Last spring, a man held in the jail asked for help.", None),
    ("2024-06-01", "In the spring of 2023, a man held in the jail asked for help.", "Last year, a man held in the jail asked for help.", None),
    ("2023-07-01", "On March 14, 2023, a weld failed near the river.", "Last spring, a weld failed near the river.", None),
    (
        "2023-07-01",
        "On March 14, 2023, a weld failed near the river.",
        "Last month, a weld failed near the river.",
        '"On March 14, 2023" → "Last month": republished 2023-07-01, "last month" is June 2023',
    ),
    ("2023-03-15", "On March 14, 2023, a weld failed near the river.", "Yesterday, a weld failed near the river.", None),
    ("2023-03-15", "On 14 March 2023, a weld failed near the river.", "Yesterday, a weld failed near the river.", None),
    ("2023-03-15", "On 3/14/2023, a weld failed near the river.", "Yesterday, a weld failed near the river.", None),
    (
        "2023-03-16",
        "On 14 March 2023, a weld failed near the river.",
        "Yesterday, a weld failed near the river.",
        '"On 14 March 2023" → "Yesterday": republished 2023-03-16, "yesterday" is Wednesday, 2023-03-15',
    ),
    (
        "2023-03-16",
        "On March 14, 2023, a weld failed near the river.",
        "Yesterday, a weld failed near the river.",
        '"On March 14, 2023" → "Yesterday": republished 2023-03-16, "yesterday" is Wednesday, 2023-03-15',
    ),
    ("2021-05-01", "The clinic closed in 2019 and never reopened.", "The clinic closed two years ago and never reopened.", None),
    (
        "2022-05-01",
        "The clinic closed in 2019 and never reopened.",
        "The clinic closed two years ago and never reopened.",
        '"in 2019" → "two years ago": republished 2022-05-01, "two years ago" is 2020',
    ),
    ("2024-03-05", "In the winter of 2023, the shelter ran out of beds.", "Last winter, the shelter ran out of beds.", None),
    ("2023-11-20", "The county will hire a contractor in the spring of 2024.", "The county will hire a contractor next spring.", None),
    (
        "2025-02-10",
        "The county hired a new contractor in 2024.",
        "The county hired a new contractor this year.",
        '"in 2024" → "this year": republished 2025-02-10, "this year" is 2025',
    ),
    # A weekday or month alone: the relative time must fall on it.
    ("2026-12-02", "The board voted on Tuesday to raise the fees.", "The board voted yesterday to raise the fees.", None),
    (
        "2026-12-03",
        "The board voted on Tuesday to raise the fees.",
        "The board voted yesterday to raise the fees.",
        '"on Tuesday" → "yesterday": republished 2026-12-03, "yesterday" is Wednesday, 2026-12-02',
    ),
    ("2026-12-03", "The council met on Tuesday in Portland, Ore.", "The council met last week in Portland.", None),
    ("2024-04-02", "The rule took effect in March, officials said.", "The rule took effect last month, officials said.", None),
    (
        "2024-05-02",
        "The rule took effect in March, officials said.",
        "The rule took effect last month, officials said.",
        '"in March" → "last month": republished 2024-05-02, "last month" is April 2024',
    ),
    # Relative for relative is a time edit whatever the day.
    ("2024-06-01", "The board voted yesterday to raise the fees.", "The board voted last week to raise the fees.", None),
]


# (the original's day, what the original's story says, the date the republication puts for it,
# why the edit is beyond style): a relative time the original counted from its own day, put as a
# date, keeps the fact only when the date holds every day it named.
ORIGINAL_DATED_EDITS = [
    ("2024-05-02", "yesterday", "on May 1", None),
    ("2024-05-02", "yesterday", "on Wednesday", None),
    ("2024-05-02", "yesterday", "on May 1, 2024", None),
    # The day before the month, or a date of numbers in US order, is the same day in another style.
    ("2024-05-02", "yesterday", "on 1 May", None),
    ("2024-05-02", "yesterday", "on 1 May 2024", None),
    ("2024-05-02", "yesterday", "on the 1st of May", None),
    ("2024-05-02", "yesterday", "on 5/1", None),
    ("2024-05-02", "yesterday", "on 5/1/2024", None),
    ("2024-05-02", "yesterday", "on 5/1/24", None),
    ("2024-05-02", "yesterday", "on 3 May", '"yesterday" → "on 3 May": the original was published 2024-05-02, so "yesterday" was Wednesday, 2024-05-01'),
    ("2024-05-02", "yesterday", "on 5/3", '"yesterday" → "on 5/3": the original was published 2024-05-02, so "yesterday" was Wednesday, 2024-05-01'),
    ("2024-05-02", "yesterday", "on 1/5", '"yesterday" → "on 1/5": the original was published 2024-05-02, so "yesterday" was Wednesday, 2024-05-01'),
    ("2024-05-02", "yesterday", "on 5/1/2023", '"yesterday" → "on 5/1/2023": the original was published 2024-05-02, so "yesterday" was Wednesday, 2024-05-01'),
    ("2024-05-02", "last month", "in April", None),
    ("2024-05-02", "two years ago", "in 2022", None),
    ("2024-05-02", "last year", "in 2023", None),
    ("2024-05-02", "tomorrow", "on Friday", None),
    ("2024-05-02", "yesterday", "on May 3", '"yesterday" → "on May 3": the original was published 2024-05-02, so "yesterday" was Wednesday, 2024-05-01'),
    ("2024-05-02", "yesterday", "on Monday", '"yesterday" → "on Monday": the original was published 2024-05-02, so "yesterday" was Wednesday, 2024-05-01'),
    ("2024-05-02", "last month", "in March", '"last month" → "in March": the original was published 2024-05-02, so "last month" was April 2024'),
    ("2024-05-02", "two years ago", "in 2019", '"two years ago" → "in 2019": the original was published 2024-05-02, so "two years ago" was 2022'),
    # A date inside the time named says more than the original did.
    ("2024-05-02", "last week", "on Tuesday", '"last week" → "on Tuesday": the original was published 2024-05-02, so "last week" was 2024-04-22 to 2024-04-28'),
    ("2024-05-02", "last year", "in March 2023", '"last year" → "in March 2023": the original was published 2024-05-02, so "last year" was 2023'),
    # "this week" as the week of a day, split by the word diff around the "week" both keep.
    ("2024-05-02", "this week", "the week of April 29", None),
    ("2024-05-02", "this week", "the week of May 1", None),
    (
        "2024-05-02",
        "this week",
        "the week of May 6",
        '"this week" → "the week of May 6": the original was published 2024-05-02, so "this week" was 2024-04-29 to 2024-05-05',
    ),
    # A weekday or month alone after a verb of the past ("voted") is the latest before the day.
    ("2024-05-02", "on Tuesday", "on April 30", None),
    ("2024-05-02", "on Thursday", "on May 2", None),
    ("2024-05-02", "on Tuesday", "on May 7", '"Tuesday" → "May 7": the original was published 2024-05-02, so "Tuesday" was Tuesday, 2024-04-30'),
    ("2024-05-02", "on Tuesday", "on Wednesday", '"Tuesday" → "Wednesday": the original was published 2024-05-02, so "Tuesday" was Tuesday, 2024-04-30'),
    ("2024-05-02", "in March", "in March 2024", None),
    ("2024-05-02", "in March", "in March 2023", '"March" → "March 2023": the original was published 2024-05-02, so "March" was March 2024'),
]


# (the original's sentence, the copy's, why it is beyond style) in a story of Thursday 2024-05-02:
# a weekday or month alone is the one to come after words of the future, and either the last or
# the next when the sentence tells neither past nor future.
TENSED_DATES = [
    ("The board will vote on Tuesday, officials said.", "The board will vote on May 7, officials said.", None),
    (
        "The board will vote on Tuesday, officials said.",
        "The board will vote on April 30, officials said.",
        '"Tuesday" → "April 30": the original was published 2024-05-02, so "Tuesday" was Tuesday, 2024-05-07',
    ),
    ("They'll vote on Tuesday, officials said.", "They'll vote on May 7, officials said.", None),
    ("The vote is scheduled for March, officials said.", "The vote is scheduled for March 2025, officials said.", None),
    ("The board meets on Tuesday, officials said.", "The board meets on April 30, officials said.", None),
    ("The board meets on Tuesday, officials said.", "The board meets on May 7, officials said.", None),
    (
        "The board meets on Tuesday, officials said.",
        "The board meets on May 14, officials said.",
        '"Tuesday" → "May 14": the original was published 2024-05-02, so "Tuesday" was Tuesday, 2024-04-30 or Tuesday, 2024-05-07',
    ),
    ("The law takes effect in March, officials said.", "The law takes effect in March 2025, officials said.", None),
    (
        "The law takes effect in March, officials said.",
        "The law takes effect in March 2023, officials said.",
        '"March" → "March 2023": the original was published 2024-05-02, so "March" was March 2024 or March 2025',
    ),
    # A sentence before the time's own is not read: "They voted." tells nothing of "meets".
    ("They voted. The board meets on Tuesday, officials said.", "They voted. The board meets on May 7, officials said.", None),
]


@pytest.mark.parametrize(("before", "after", "why"), TENSED_DATES, ids=[a for _, a, _ in TENSED_DATES])
def test_a_date_for_a_weekday_or_month_alone_is_read_by_the_sentences_tense(before: str, after: str, why: str | None) -> None:
    from rapidfuzz import fuzz

    assert beyond_style(before, after, fuzz.ratio(before, after), PARAMS, None, datetime.date(2024, 5, 2)) == why


# (the story's day or None, the original's time, the republication's, why it is beyond style): a
# US zone without "S"/"D" follows daylight saving on the story's day; without one, either reading
# passes, both times read in the same one.
ZONED_CLOCKS = [
    ("2024-05-02", "3 p.m. ET", "19:00 UTC", None),
    ("2024-05-02", "3 p.m. ET", "8 p.m. UTC", '"3 p.m. ET" → "8 p.m. UTC"'),
    ("2024-05-02", "3 p.m. ET", "3 p.m. EDT", None),
    ("2024-05-02", "3 p.m. ET", "3 p.m. EST", '"3 p.m. ET" → "3 p.m. EST"'),
    ("2024-05-02", "3 p.m. ET", "noon PT", None),
    ("2024-05-02", "3 p.m. ET", "1 p.m. PT", '"3 p.m. ET" → "1 p.m. PT"'),
    ("2024-05-02", "3 p.m. CT", "20:00 UTC", None),
    ("2024-05-02", "10 a.m. HT", "20:00 UTC", None),
    ("2024-05-02", "noon PT", "19:00 UTC", None),
    ("2024-01-10", "3 p.m. ET", "20:00 UTC", None),
    ("2024-01-10", "3 p.m. ET", "19:00 UTC", '"3 p.m. ET" → "19:00 UTC"'),
    ("2024-01-10", "3 p.m. PT", "23:00 GMT", None),
    # The days of the change: the second Sunday of March and the first of November.
    ("2024-03-10", "3 p.m. ET", "19:00 UTC", None),
    ("2024-03-09", "3 p.m. ET", "20:00 UTC", None),
    ("2024-11-02", "3 p.m. ET", "19:00 UTC", None),
    ("2024-11-03", "3 p.m. ET", "20:00 UTC", None),
    (None, "3 p.m. ET", "19:00 UTC", None),
    (None, "3 p.m. ET", "20:00 UTC", None),
    (None, "3 p.m. ET", "18:00 UTC", '"3 p.m. ET" → "18:00 UTC"'),
    (None, "3 p.m. ET", "1 p.m. PT", '"3 p.m. ET" → "1 p.m. PT"'),
    (None, "3 p.m. EDT", "20:00 UTC", '"3 p.m. EDT" → "20:00 UTC"'),
]


# A zone written in words is the zone its abbreviation names, in any usual case: AP's "Eastern
# time", "noon Pacific"; with "Standard" or "Daylight" it is that time all year. An abbreviation
# is read in capitals only, with or without stops ("E.T."; "et" is a word of other languages).
ZONES_IN_WORDS = [
    ("2024-07-10", "3 p.m. ET", "3 p.m. Eastern time", None),
    ("2024-07-10", "3 p.m. ET", "3 p.m. Eastern", None),
    ("2024-07-10", "3 p.m. ET", "3 p.m. EASTERN TIME", None),
    ("2024-07-10", "3 p.m. ET", "3 p.m. eastern", None),
    ("2024-07-10", "3 p.m. ET", "2 p.m. Central time", None),
    ("2024-07-10", "3 p.m. ET", "2 p.m. central time", None),
    ("2024-07-10", "3 p.m. ET", "1 p.m. Mountain", None),
    ("2024-07-10", "3 p.m. ET", "noon Pacific", None),
    ("2024-07-10", "3 p.m. ET", "noon Pacific Daylight Time", None),
    ("2024-07-10", "3 p.m. ET", "19:00 Coordinated Universal Time", None),
    ("2024-07-10", "3 p.m. ET", "3 p.m. E.T.", None),
    ("2024-07-10", "3 p.m. EDT", "3 p.m. Eastern Daylight Saving Time", None),
    ("2024-07-10", "3 p.m. Eastern time", "3 p.m. ET", None),
    ("2024-07-10", "3 p.m. Eastern Time", "noon PT", None),
    ("2024-07-10", "10 a.m. Hawaii time", "20:00 UTC", None),
    ("2024-07-10", "8 a.m. Alaska time", "noon ET", None),
    ("2024-01-10", "3 p.m. Eastern", "20:00 GMT", None),
    ("2024-07-10", "3 p.m. ET", "3 p.m. Eastern Standard Time", '"3 p.m. ET" → "3 p.m. Eastern Standard Time"'),
    ("2024-07-10", "3 p.m. ET", "3 p.m. Central time", '"3 p.m. ET" → "3 p.m. Central time"'),
    ("2024-07-10", "3 p.m. Pacific time", "3 p.m. Eastern time", '"3 p.m. Pacific time" → "3 p.m. Eastern time"'),
    ("2024-01-10", "3 p.m. Eastern", "19:00 GMT", '"3 p.m. Eastern" → "19:00 GMT"'),
    ("2024-07-10", "3 p.m. Eastern time", "3 p.m.", '"3 p.m. Eastern time" → "3 p.m.": its time zone dropped'),
    ("2024-07-10", "3 p.m. E.T.", "3 p.m.", '"3 p.m. E.T." → "3 p.m.": its time zone dropped'),
    # Near-misses: no zone.
    ("2024-07-10", "3 p.m. ET", "3 p.m. et", '"3 p.m. ET" → "3 p.m.": its time zone dropped'),
    ("2024-07-10", "10 a.m. HT", "10 a.m. Hawaii", '"10 a.m. HT" → "10 a.m.": its time zone dropped'),
]


@pytest.mark.parametrize(("day", "said", "restated", "why"), ZONES_IN_WORDS, ids=[f"{d}: {s} → {r}" for d, s, r, _ in ZONES_IN_WORDS])
def test_a_time_zone_in_words_is_the_zone_its_abbreviation_names(day: str, said: str, restated: str, why: str | None) -> None:
    from rapidfuzz import fuzz

    before, after = f"The hearing starts at {said} on Monday, officials said.", f"The hearing starts at {restated} on Monday, officials said."
    assert beyond_style(before, after, fuzz.ratio(before, after), PARAMS, None, datetime.date.fromisoformat(day)) == why


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("The march starts at 3 p.m. Central Park West and ends downtown.", ""),
        ("Service resumed at 6 a.m. Pacific Gas and Electric said.", ""),
        ("The plane landed at 3 p.m. Hawaii officials said.", ""),
        ("The polls close at 8 p.m. Eastern.", "ET"),
        ("The polls close at 8 p.m. (Eastern time).", "ET"),
        ("The polls close at 8 p.m. Mountain Standard Time on Tuesday.", "MST"),
        ("The polls close at 8 p.m. eastern standard time on Tuesday.", "EST"),
        ("The polls close at 8 p.m. Eastern Standard on Tuesday.", ""),
    ],
)
def test_a_zone_in_words_is_read_only_where_it_names_a_zone(text: str, zone: str) -> None:
    from compliance.checks.time_edits import clocks

    assert [clock.zone_name for clock in clocks(text.split())] == [zone]


@pytest.mark.parametrize(("day", "said", "restated", "why"), ZONED_CLOCKS, ids=[f"{d}: {s} → {r}" for d, s, r, _ in ZONED_CLOCKS])
def test_a_us_zone_without_s_or_d_follows_daylight_saving_on_the_storys_day(day: str | None, said: str, restated: str, why: str | None) -> None:
    from rapidfuzz import fuzz

    before, after = f"The hearing starts at {said} on Monday, officials said.", f"The hearing starts at {restated} on Monday, officials said."
    story_day = None if day is None else datetime.date.fromisoformat(day)
    assert beyond_style(before, after, fuzz.ratio(before, after), PARAMS, None, story_day) == why
    # The copy's day stands in for the original's when only it is known.
    assert beyond_style(before, after, fuzz.ratio(before, after), PARAMS, story_day) == why


@pytest.mark.parametrize(("day", "said", "dated", "why"), ORIGINAL_DATED_EDITS, ids=[f"{d}: {s} → {t}" for d, s, t, _ in ORIGINAL_DATED_EDITS])
def test_a_date_for_the_originals_relative_time_is_judged_by_the_originals_day(day: str, said: str, dated: str, why: str | None) -> None:
    from rapidfuzz import fuzz

    before, after = f"The board voted {said} to raise the fees, officials said.", f"The board voted {dated} to raise the fees, officials said."
    assert beyond_style(before, after, fuzz.ratio(before, after), PARAMS, None, datetime.date.fromisoformat(day)) == why


@pytest.mark.parametrize(("before", "after", "why"), EDITS, ids=[f"{b} → {a}" for b, a, _ in EDITS])
def test_a_changed_number_negation_or_content_word_is_beyond_style_and_a_style_edit_is_not(before: str, after: str, why: str | None) -> None:
    from rapidfuzz import fuzz

    assert beyond_style(before, after, fuzz.ratio(before, after), PARAMS) == why


@pytest.mark.parametrize(("day", "before", "after", "why"), DATED_EDITS, ids=[f"{d}: {b} → {a}" for d, b, a, _ in DATED_EDITS])
def test_a_relative_time_for_a_date_is_judged_by_the_republication_day(day: str, before: str, after: str, why: str | None) -> None:
    from rapidfuzz import fuzz

    assert beyond_style(before, after, fuzz.ratio(before, after), PARAMS, datetime.date.fromisoformat(day)) == why


def test_the_publication_date_metadata_gives_the_republication_day(cli: Any, tmp_path: Path) -> None:
    """The copy's `publication_date` says which day "last month" is counted from; without it the
    edit is reported as judged without a date."""
    verdicts = {}
    for day in ("2023-04-20", "2023-05-02", None):
        run = _check_against_the_fixture(cli, tmp_path, {"March 14, 2023": "last month"}, *(("--meta", f"publication_date={day}") if day else ()))
        verdicts[day] = (run.code, [f["evidence"] for f in run.json()["files"][0]["findings"]])
    assert verdicts["2023-04-20"] == (0, [])
    assert verdicts["2023-05-02"][0] == 1
    assert '"last month" is April 2023' in verdicts["2023-05-02"][1][0]
    assert verdicts[None][0] == 1
    assert "judged without a publication date" in verdicts[None][1][0]


def test_a_publication_date_that_names_no_day_is_named_in_the_reason(cli: Any, tmp_path: Path) -> None:
    run = _check_against_the_fixture(cli, tmp_path, {"March 14, 2023": "last month"}, "--meta", "publication_date=May 2, 2023")
    findings = run.json()["files"][0]["findings"]
    assert run.code == 1
    assert (
        'judged without a publication date: "last month" depends on the day the copy is published, and publication_date "May 2, 2023" names none'
        in findings[0]["evidence"]
    )


_STORY = "The county said it had hired a new medical contractor {when}, records show.\n\nThe contract runs for three years and covers every jail in the county."


def _markdown(front: str, when: str) -> str:
    return (f"---\n{front}\n---\n\n" if front else "") + "# Jail care\n\n" + _STORY.format(when=when) + "\n"


def _fidelity(cli: Any, tmp_path: Path, original: str, copy: str, *options: str) -> tuple[int, list[str]]:
    originals = write(tmp_path, "original" + (".html" if original.startswith("<") else ".md"), original)
    copied = write(tmp_path, "copy.md", copy)
    run = cli("check", "--format", "json", "--pack", "propublica", "--select", "propublica/fidelity", "--original", str(originals), *options, str(copied))
    return run.code, [f["evidence"] for f in run.json()["files"][0]["findings"]]


@pytest.mark.parametrize(
    ("front", "verdict"),
    [
        # Hugo, Jekyll and Eleventy write `date`, as the characters written (a time and zone after the day too).
        ("date: 2024-06-01", '"last year" is 2023'),
        ("date: 2025-01-15", None),
        ("date: 2025-01-15T09:30:00-05:00", None),
        ("date: 2025-01-15 09:30:00 -0500", None),
        ("pubDate: 2025-01-15", None),
        ("publishDate: 2025-01-15", None),
        ("published: 2025-01-15", None),
        # `publication_date` comes first; Jekyll's `published: false` is a flag, not a date.
        ("publication_date: 2024-06-01\ndate: 2025-01-15", '"last year" is 2023'),
        ("published: false", "judged without a publication date"),
        ("date: January 15, 2025", "judged without a publication date"),
        ("", "judged without a publication date"),
    ],
)
def test_the_copys_front_matter_date_is_its_publication_day(cli: Any, tmp_path: Path, front: str, verdict: str | None) -> None:
    code, evidence = _fidelity(cli, tmp_path, _markdown("", "in 2024"), _markdown(front, "last year"))
    if verdict is None:
        assert (code, evidence) == (0, [])
    else:
        assert code == 1
        assert verdict in evidence[0]


@pytest.mark.parametrize(
    ("original", "dated", "verdict"),
    [
        (_markdown("date: 2024-05-02", "yesterday"), "on May 1", None),
        (_markdown("date: 2024-05-02", "yesterday"), "on May 3", '"yesterday" was Wednesday, 2024-05-01'),
        (_markdown("pubDate: 2024-05-02T08:00:00Z", "yesterday"), "on May 3", '"yesterday" was Wednesday, 2024-05-01'),
        (
            '<html><head><meta property="article:published_time" content="2024-05-02T08:00:00-04:00"></head><body><article><h1>Jail care</h1>'
            + "".join(f"<p>{paragraph}</p>" for paragraph in _STORY.format(when="yesterday").split("\n\n"))
            + "</article></body></html>",
            "on May 3",
            '"yesterday" was Wednesday, 2024-05-01',
        ),
    ],
)
def test_a_date_for_the_originals_relative_time_is_read_from_the_originals_day(
    cli: Any, tmp_path: Path, original: str, dated: str, verdict: str | None
) -> None:
    code, evidence = _fidelity(cli, tmp_path, original, _markdown("", dated))
    if verdict is None:
        assert (code, evidence) == (0, [])
    else:
        assert code == 1
        assert verdict in evidence[0]


def test_a_republication_that_changes_a_number_fails_naming_the_number(cli: Any, tmp_path: Path) -> None:
    original = (ROOT / "tests/rule-fixtures/propublica/compliant.html").read_text(encoding="utf-8")
    numbers = [word for word in original.split() if word.isdigit() and len(word) <= 3]
    assert numbers, "the fixture has a number to change"
    run = _check_against_the_fixture(cli, tmp_path, {f" {numbers[0]} ": f" {int(numbers[0]) + 7} "})
    findings = run.json()["files"][0]["findings"]
    assert run.code == 1
    assert [f["rule"] for f in findings] == ["propublica/fidelity"]
    assert f"changed ({numbers[0]} → {int(numbers[0]) + 7})" in findings[0]["evidence"]


ORIGINAL = [
    "The clinic in Alder Creek closed its doors in March after forty years.",
    "Clinic operators say they cannot hire enough staff. Nurse practitioners can earn more in the cities,"
    " and the federal grants that once filled the gap have shrunk.",
    "Patients now drive an hour to the nearest emergency room, county records show.",
]

# (the middle paragraph as republished, the pairs of the alignment): a paragraph with words only
# cut or only added is the same paragraph edited, however short it becomes; a new text is not.
MIDDLE_PARAGRAPHS = {
    "a sentence cut from the end": ("Clinic operators say they cannot hire enough staff.", [(0, 0), (1, 1), (2, 2)]),
    "a sentence cut from the start": (
        "Nurse practitioners can earn more in the cities, and the federal grants that once filled the gap have shrunk.",
        [(0, 0), (1, 1), (2, 2)],
    ),
    "words cut from the middle": ("Clinic operators say they cannot hire enough staff. The federal grants have shrunk.", [(0, 0), (1, 1), (2, 2)]),
    "a sentence added": (ORIGINAL[1] + " The county has asked the state for help twice this year, without an answer.", [(0, 0), (1, 1), (2, 2)]),
    "another paragraph in its place": ("A new wellness centre will open in the old bank building next spring.", [(0, 0), (1, None), (None, 1), (2, 2)]),
    "four words of it": ("Clinic operators say they", [(0, 0), (1, None), (None, 1), (2, 2)]),
}


@pytest.mark.parametrize("case", sorted(MIDDLE_PARAGRAPHS))
def test_a_paragraph_cut_or_extended_pairs_with_its_original(case: str) -> None:
    from compliance.checks.fidelity_compare import align

    middle, expected = MIDDLE_PARAGRAPHS[case]
    pairs = align(ORIGINAL, [ORIGINAL[0], middle, ORIGINAL[2]])
    assert [(p.original, p.republished) for p in pairs] == expected


def test_a_sentence_cut_from_a_paragraph_is_one_change_naming_it(cli: Any, tmp_path: Path) -> None:
    story = "<html><body><article>{}<p>This story was originally published by ProPublica.</p></article></body></html>"
    original = write(tmp_path, "original.html", story.format("".join(f"<p>{p}</p>" for p in ORIGINAL)))
    cut = [ORIGINAL[0], "Clinic operators say they cannot hire enough staff.", ORIGINAL[2]]
    republished = write(tmp_path, "story.html", story.format("".join(f"<p>{p}</p>" for p in cut)))
    run = cli("check", "--pack", "propublica", "--select", "propublica/fidelity", "--format", "json", "--original", str(original), str(republished))
    findings = run.json()["files"][0]["findings"]
    assert [f["rule"] for f in findings] == ["propublica/fidelity"]
    assert findings[0]["evidence"].startswith("changed (")
    assert "[-Nurse practitioners can earn more in the cities" in findings[0]["evidence"]


_EXTRACT_ORIGINAL = [f"Paragraph {n} of the story says that the council met for the {n}th time this spring." for n in range(1, 9)]
_INSERTED = "An inserted paragraph about something else entirely, which the original never printed."


@pytest.mark.parametrize(
    ("extract", "verdict"),
    [
        (_EXTRACT_ORIGINAL[:3], []),  # the opening paragraphs
        (_EXTRACT_ORIGINAL[3:6], []),  # a run from the middle
        (_EXTRACT_ORIGINAL[0:2] + _EXTRACT_ORIGINAL[4:6], []),  # paragraphs left out inside it
        ([*_EXTRACT_ORIGINAL[:1], _EXTRACT_ORIGINAL[1].replace("2th", "9th"), _EXTRACT_ORIGINAL[2]], ["changed"]),
        ([*_EXTRACT_ORIGINAL[:1], _EXTRACT_ORIGINAL[1].replace("met", "did not meet"), _EXTRACT_ORIGINAL[2]], ["changed"]),
        ([*_EXTRACT_ORIGINAL[:2], _INSERTED, _EXTRACT_ORIGINAL[2]], ["added"]),
    ],
)
def test_an_extract_leaves_paragraphs_out_but_changes_none(extract: list[str], verdict: list[str]) -> None:
    """`extract: true`: what an extract leaves out is no finding; what it keeps is held to `nd`."""
    from compliance.checks.base import Context
    from compliance.checks.fidelity import evaluate
    from compliance.document import parse_document

    def page(paragraphs: list[str]) -> Any:
        return parse_document(("<article><h1>Council</h1>" + "".join(f"<p>{p}</p>" for p in paragraphs) + "</article>").encode(), "html")

    republished, original = page(extract), page(_EXTRACT_ORIGINAL)
    outcome = evaluate(republished, FidelityParams("nd", None, 70, 3, True), Context(republished, original=original))
    assert [dict(hit.captures)["change"] for hit in outcome.hits] == verdict
    assert outcome.passed == (verdict == [])
    # Without `extract`, the same page is a cut story.
    assert not evaluate(republished, PARAMS, Context(republished, original=original)).passed


# Style, relative time and place edits a newsroom makes to the ProPublica story, all in one copy.
STYLE_EDITED = {
    "Redbud did not respond": "Redbud didn’t respond",
    "a nonprofit watchdog group": "a non-profit watchdog group",
    "more than 9,000 pages": "over 9,000 pages",
    "Federal safety rules require": "federal safety rules require",
    "in western Oklahoma.": "in western Okla.",
    "Redbud Field Services of Tulsa,": "Redbud Field Services of Tulsa, Okla.,",
    "On the morning of March 14, 2023,": "On the morning of March 14 last year,",
    "Reached by phone, a man": "Reached by telephone, a man",
}


def _check_against_the_fixture(cli: Any, tmp_path: Path, edits: dict[str, str], *options: str) -> Any:
    original = (ROOT / "tests/rule-fixtures/propublica/compliant.html").read_text(encoding="utf-8")
    changed = original
    for before, after in edits.items():
        assert before in changed, before
        changed = changed.replace(before, after, 1)
    republished = write(tmp_path, "story.html", changed)
    return cli(
        "check",
        "--pack",
        "propublica",
        "--select",
        "propublica/fidelity",
        "--format",
        "json",
        "--original",
        "tests/rule-fixtures/propublica/compliant.html",
        *options,
        str(republished),
    )


def test_a_republication_with_style_time_and_place_edits_passes(cli: Any, tmp_path: Path) -> None:
    edits = {k: v for k, v in STYLE_EDITED.items() if k != "Reached by phone, a man"}
    # "March 14, 2023" → "March 14 last year" keeps the fact when republished in 2024.
    run = _check_against_the_fixture(cli, tmp_path, edits, "--meta", "publication_date=2024-05-01")
    assert run.code == 0, run.out
    assert run.json()["files"][0]["findings"] == []


def test_a_republication_that_replaces_one_word_fails_naming_the_words(cli: Any, tmp_path: Path) -> None:
    run = _check_against_the_fixture(cli, tmp_path, {">visually inspected": ">carefully inspected"})
    findings = run.json()["files"][0]["findings"]
    assert run.code == 1
    assert [f["rule"] for f in findings] == ["propublica/fidelity"]
    assert findings[0]["evidence"].startswith('changed ("visually" → "carefully"): ')


def test_each_edit_beyond_style_is_judged_among_style_edits(cli: Any, tmp_path: Path) -> None:
    # "phone" → "telephone" is a word for another (diction), not style, even among style edits.
    run = _check_against_the_fixture(cli, tmp_path, STYLE_EDITED, "--meta", "publication_date=2024-05-01")
    findings = run.json()["files"][0]["findings"]
    assert run.code == 1
    assert [f["evidence"].split(":")[0] for f in findings] == ['changed ("phone" → "telephone")']


def test_the_readme_examples_of_style_and_content_edits_are_what_the_check_reports() -> None:
    from rapidfuzz import fuzz

    from compliance.checks.fidelity_compare import word_diff

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = next(b for b in re.findall(r"```text\n(.*?)```", readme, re.DOTALL) if b.startswith("original:"))
    examples = [dict(line.split(":", 1) for line in example.splitlines()) for example in block.strip().split("\n\n")]
    assert len(examples) == 2
    for example in examples:
        before, after, finding = (example[key].strip() for key in ("original", "republication", "finding"))
        reason = beyond_style(before, after, fuzz.ratio(before, after), PARAMS)
        shown = "none (style, time and place edits)" if reason is None else f"changed ({reason}): {word_diff(before, after)}"
        assert shown == finding


# A control character inside a word of the copy (C0 but tab and line breaks, DEL): a browser
# draws a box in the word and the reader reads the word, so the comparison does too; one that
# sits in a word changed is reported with the word as written, the control character in the
# output sanitiser's visible form ("rej\\x1bected"). (republished paragraph, verdict)
_CONTROL_ORIGINAL = [
    "The council met on Tuesday to discuss the budget.",
    "Critics say the plan is not funded and the board approved it anyway.",
    "The board has never funded the 12 routes it approved.",
]
CONTROLS_IN_WORDS = [
    ("Critics say the plan is no\x1bt funded and the board approved it anyway.", None),
    ("Critics say the plan is n\x1bot funded and the board approved it anyway.", None),
    ("Critics say the plan is no\x01t funded and the board appro\x08ved it anyway.", None),
    ("Critics say the plan is no\x7ft funded and the board approved it anyway.", None),
    # An information separator (\x1c-\x1f) is drawn as the others are, a box inside the word with
    # no break beside it: read through, as elsewhere on the page (`compliance.text`), whatever the
    # word it sits in (a negation, a number).
    ("Critics say the plan is no\x1ft funded and the board approved it anyway.", None),
    ("Critics say the plan is not funded and the board appro\x1cved it anyway.", None),
    ("Critics say the plan is n\x1eot funded and the board approved it anyway.", None),
    ("Critics say the plan is \x1bnot\x1b funded and the board approved it anyway.", None),
    ("Critics say the plan is not funded and the board rej\x1bected it anyway.", 'changed ("approved" → "rej\\x1bected")'),
    ("Critics say the plan is fu\x1bnded and the board approved it anyway.", "changed (a negation removed)"),
    ("The board has ne\x1fver funded the 1\x1f2 routes it approved.", None),
    ("The board has ne\x1bver funded the 1\x1b2 routes it approved.", None),
    ("The board has fun\x1fded the 12 routes it approved.", "changed (a negation removed)"),
    ("The board has never funded the 1\x1f3 routes it approved.", "changed (12 → 1\\x1f3)"),
    ("The board has never funded the 1\x1b3 routes it approved.", "changed (12 → 1\\x1b3)"),
    ("The board has never funded the 12\x1croutes it approved.", None),
]


@pytest.mark.parametrize(("paragraph", "verdict"), CONTROLS_IN_WORDS, ids=[repr(p[24:40]) for p, _ in CONTROLS_IN_WORDS])
def test_a_control_character_inside_a_word_reads_as_the_word_around_it(paragraph: str, verdict: str | None) -> None:
    from compliance.checks.base import Context
    from compliance.checks.fidelity import evaluate
    from compliance.document import parse_document

    def page(paragraphs: list[str]) -> Any:
        return parse_document(("<article><h1>Budget</h1>" + "".join(f"<p>{p}</p>" for p in paragraphs) + "</article>").encode(), "html")

    republished = page([_CONTROL_ORIGINAL[0], paragraph, _CONTROL_ORIGINAL[2]] if paragraph.startswith("Critics") else [*_CONTROL_ORIGINAL[:2], paragraph])
    outcome = evaluate(republished, PARAMS, Context(republished, original=page(_CONTROL_ORIGINAL)))
    assert [hit.evidence.split(":")[0] for hit in outcome.hits] == ([] if verdict is None else [verdict])
    # The evidence quotes the words as written, each control character in its visible form:
    # never raw, never dropped (the diff's added words as well as the reason's).
    assert all(ch.isprintable() for hit in outcome.hits for ch in hit.evidence)
    if verdict is not None and "\\x" in verdict:
        written = verdict.split("→ ")[1].strip('")')
        assert "{+" + written in outcome.hits[0].evidence.split(": ", 1)[1]


# A control character in a word the evidence quotes from the copy, in any kind of copy and any
# finding: (the copy's kind, its text, what the evidence shows).
_SHOWN_ORIGINAL = (
    "<article><h1>Budget</h1><p>The council met on Tuesday to discuss the budget.</p><p>It voted to "
    "expand the bus network by twelve routes.</p><p>The new routes start in June.</p></article>"
)
CONTROLS_SHOWN = [
    (
        "html",
        "<article><h1>Budget</h1><p>The council met on Tuesday to discuss the <em>bud\x01gets</em>.</p><p>It "
        "voted to expand the bus network by twelve routes.</p><p>The new routes start in June.</p></article>",
        "{+bud\\x01gets.+}",
    ),
    (
        "html",
        "<article><h1>Budget</h1><p>The council met on Tuesday to discuss the budget.</p><p>It voted to expand "
        "the \x7ftram network by twelve routes.</p><p>The new routes start in June.</p></article>",
        '"bus" → "\\x7ftram"',
    ),
    (
        "markdown",
        "# Budget\n\nThe council met on Tuesday to discuss the budget.\n\nIt voted to "
        "cut the bus network by twelve rou\x1btes.\n\nThe new routes start in June.\n",
        "{+cut+}",
    ),
    (
        "markdown",
        "# Budget\n\nThe council met on Tuesday to discuss the budget.\n\nIt voted to expand the bus network "
        "by twelve routes.\n\nA sec\x1bond vote is set for Ju\x1fly.\n\nThe new routes start in June.\n",
        'added: "A sec\\x1bond vote is set for Ju\\x1fly."',
    ),
    # A control character written as a numeric character reference is shown as the character.
    (
        "html",
        "<article><h1>Budget</h1><p>The council met on Tuesday to discuss the budget.</p><p>It voted to expand "
        "the tr&#x1B;am network by twelve routes.</p><p>The new routes start in June.</p></article>",
        '"bus" → "tr\\x1bam"',
    ),
    (
        "html",
        "<article><h1>Budget</h1><p>The council met on Tuesday to <b>rej&#127;ect</b> the budget.</p><p>It voted to "
        "expand the bus network by twelve routes.</p><p>The new routes start in June.</p></article>",
        '"discuss" → "rej\\x7fect"',
    ),
    # CommonMark decodes such a reference to U+FFFD, which the text holds and evidence shows.
    (
        "markdown",
        "# Budget\n\nThe council met on Tuesday to discuss the budget.\n\nIt voted to expand the bus network "
        "by twelve routes.\n\nA sec&#x01;ond vote is set for Ju&#31;ly.\n\nThe new routes start in June.\n",
        'added: "A sec\ufffdond vote is set for Ju\ufffdly."',
    ),
    (
        "text",
        "Budget\n\nThe council met on Tuesday to discuss the budget.\n\nIt voted to expand "
        "the bus network by thirteen rou\x1btes.\n\nThe new routes start in June.\n",
        "{+thirteen+}",
    ),
]


@pytest.mark.parametrize(("kind", "copy", "shown"), CONTROLS_SHOWN, ids=[f"{k}: {c[40:80]!r}" for k, c, _ in CONTROLS_SHOWN])
def test_evidence_shows_a_control_character_of_the_copy_in_its_visible_form(kind: str, copy: str, shown: str) -> None:
    from compliance.checks.base import Context
    from compliance.checks.fidelity import evaluate
    from compliance.document import parse_document

    republished = parse_document(copy.encode(), kind)  # type: ignore[arg-type]
    outcome = evaluate(republished, PARAMS, Context(republished, original=parse_document(_SHOWN_ORIGINAL.encode(), "html")))
    assert len(outcome.hits) == 1
    assert shown in outcome.hits[0].evidence
    assert all(ch.isprintable() for ch in outcome.hits[0].evidence)


def test_a_copy_with_a_control_character_inside_a_word_passes_without_a_notice(cli: Any, tmp_path: Path) -> None:
    run = _check_against_the_fixture(cli, tmp_path, {"Redbud did not respond": "Redbud did no\x1bt respond"})
    report = run.json()["files"][0]
    assert run.code == 0, run.out
    assert (report["findings"], report["notices"]) == ([], [])


# Arizona keeps Mountain Standard Time all year: in a story there, "MT" is MST on a summer's day.
# (the story's day, whether it is in Arizona — None: in Arizona and another Mountain Time state —,
# the original's time, the copy's, why it is beyond style)
MOUNTAIN_CLOCKS = [
    ("2024-07-10", True, "9 a.m. MT", "9 a.m. MST", None),
    ("2024-07-10", True, "9 a.m. MT", "16:00 UTC", None),
    ("2024-07-10", True, "9 a.m. MT", "9 a.m. PT", None),
    ("2024-07-10", True, "9 a.m. MT", "noon ET", None),
    ("2024-07-10", True, "9 a.m. MT", "9 a.m. MDT", '"9 a.m. MT" → "9 a.m. MDT"'),
    ("2024-07-10", True, "9 a.m. MT", "15:00 UTC", '"9 a.m. MT" → "15:00 UTC"'),
    ("2024-07-10", True, "9 a.m. MT", "8 a.m. PT", '"9 a.m. MT" → "8 a.m. PT"'),
    ("2024-07-10", True, "9 a.m. MT", "9 a.m.", '"9 a.m. MT" → "9 a.m.": its time zone dropped'),
    # Mountain Time in words reads as "MT" does.
    ("2024-07-10", True, "9 a.m. Mountain time", "9 a.m. MST", None),
    ("2024-07-10", True, "9 a.m. MT", "9 a.m. Mountain Standard Time", None),
    ("2024-07-10", True, "9 a.m. Mountain", "16:00 UTC", None),
    ("2024-07-10", True, "9 a.m. mountain time", "9 a.m. MDT", '"9 a.m. mountain time" → "9 a.m. MDT"'),
    ("2024-07-10", False, "9 a.m. Mountain time", "9 a.m. MDT", None),
    # Outside Arizona, Mountain Time keeps daylight saving.
    ("2024-07-10", False, "9 a.m. MT", "9 a.m. MDT", None),
    ("2024-07-10", False, "9 a.m. MT", "15:00 UTC", None),
    ("2024-07-10", False, "9 a.m. MT", "9 a.m. MST", '"9 a.m. MT" → "9 a.m. MST"'),
    ("2024-07-10", False, "9 a.m. MT", "16:00 UTC", '"9 a.m. MT" → "16:00 UTC"'),
    # In winter both read MST; other zones in Arizona stories follow daylight saving as before.
    ("2024-01-10", True, "9 a.m. MT", "9 a.m. MST", None),
    ("2024-01-10", False, "9 a.m. MT", "9 a.m. MST", None),
    ("2024-01-10", True, "9 a.m. MT", "9 a.m. MDT", '"9 a.m. MT" → "9 a.m. MDT"'),
    ("2024-07-10", True, "3 p.m. ET", "19:00 UTC", None),
    # A story in Arizona and another state of Mountain Time: either reading will do.
    ("2024-07-10", None, "9 a.m. MT", "16:00 UTC", None),
    ("2024-07-10", None, "9 a.m. MT", "15:00 UTC", None),
    ("2024-07-10", None, "9 a.m. MT", "17:00 UTC", '"9 a.m. MT" → "17:00 UTC"'),
]


@pytest.mark.parametrize(("day", "arizona", "said", "restated", "why"), MOUNTAIN_CLOCKS, ids=[f"{d} {a}: {s} → {r}" for d, a, s, r, _ in MOUNTAIN_CLOCKS])
def test_mountain_time_in_an_arizona_story_is_standard_time_all_year(day: str, arizona: bool | None, said: str, restated: str, why: str | None) -> None:
    from rapidfuzz import fuzz

    before, after = f"The hearing starts at {said} on Monday, officials said.", f"The hearing starts at {restated} on Monday, officials said."
    assert beyond_style(before, after, fuzz.ratio(before, after), PARAMS, None, datetime.date.fromisoformat(day), arizona) == why


# (a story's words, whether it is in Arizona as `story_in_arizona` reads it)
ARIZONA_STORIES = [
    ("PHOENIX — The board met at 9 a.m. MT to vote on the contract.", True),
    ("The board met in Tucson at 9 a.m. MT to vote on the contract.", True),
    ("The board in Flagstaff, Ariz., met at 9 a.m. MT on Monday.", True),
    ("The Arizona board met at 9 a.m. MT on Monday.", True),
    ("The board met in Yuma, AZ, at 9 a.m. MT on Monday.", True),
    ("The board met in Denver at 9 a.m. MT on Monday.", False),
    ("The board met in Billings, Mont., at 9 a.m. MT on Monday.", False),
    ("The board met at 9 a.m. MT on Monday.", False),
    ("The board in Phoenix met Salt Lake City officials at 9 a.m. MT on Monday.", None),
    ("The Arizona board met with New Mexico officials at 9 a.m. MT on Monday.", None),
    ("The board met in Tucson at 9 a.m. Mountain time to vote on the contract.", True),
]


@pytest.mark.parametrize(("story", "arizona"), ARIZONA_STORIES, ids=[story for story, _ in ARIZONA_STORIES])
def test_a_story_is_read_as_in_arizona_by_the_places_it_names(story: str, arizona: bool | None) -> None:
    from compliance.checks.time_edits import story_in_arizona

    assert story_in_arizona(story.split()) is arizona


@pytest.mark.parametrize(
    ("place", "copy_time", "changed", "said"),
    [
        ("Phoenix, Ariz.", "9 a.m. MST", False, "9 a.m. MT"),
        ("Denver, Colo.", "9 a.m. MST", True, "9 a.m. MT"),
        ("Denver, Colo.", "9 a.m. MDT", False, "9 a.m. MT"),
        ("Phoenix, Ariz.", "9 a.m. MST", False, "9 a.m. Mountain time"),
        ("Phoenix, Ariz.", "9 a.m. MDT", True, "9 a.m. Mountain time"),
        ("Denver, Colo.", "9 a.m. MST", True, "9 a.m. Mountain time"),
    ],
)
def test_a_copy_of_an_arizona_story_in_summer_keeps_mst(place: str, copy_time: str, changed: bool, said: str) -> None:
    from compliance.checks.base import Context
    from compliance.checks.fidelity import evaluate
    from compliance.document import parse_document

    def page(time: str, dated: bool) -> Any:
        head = '<head><meta property="article:published_time" content="2024-07-10T08:00:00-07:00"></head>' if dated else ""
        paragraph = f"The water board met at {time} on Monday in {place} to vote on the new rates."
        return parse_document(f"<html>{head}<body><article><h1>Water</h1><p>{paragraph}</p></article></body></html>".encode(), "html")

    republished = page(copy_time, dated=False)
    outcome = evaluate(republished, PARAMS, Context(republished, original=page(said, dated=True)))
    assert [hit.evidence.split(":")[0] for hit in outcome.hits] == ([f'changed ("{said}" → "{copy_time}")'] if changed else [])


_ENGLISH_STORY = [
    "The board voted on Tuesday to hire a new medical contractor for the county jail, after inspectors "
    "found that the current company had failed to provide care to dozens of inmates, records show.",
    "The contract is worth $4 million a year and runs for three years, according to the county.",
    "Officials said the new company would start work in June and would be paid by the state.",
]
# The same story in other languages.
TRANSLATIONS = {
    "Spanish": [
        "La junta votó el martes para contratar a un nuevo proveedor médico para la cárcel del condado, después de que los "
        "inspectores descubrieran que la empresa actual no había atendido a decenas de reclusos, según los registros.",
        "El contrato vale 4 millones de dólares al año y dura tres años, según el condado.",
        "Los funcionarios dijeron que la nueva empresa comenzaría a trabajar en junio y que sería pagada por el estado.",
    ],
    "French": [
        "Le conseil a voté mardi pour engager un nouveau prestataire médical pour la prison du comté, après que les inspecteurs "
        "ont constaté que l’entreprise actuelle n’avait pas soigné des dizaines de détenus, selon les documents.",
        "Le contrat vaut 4 millions de dollars par an et court sur trois ans, selon le comté.",
        "Les responsables ont dit que la nouvelle entreprise commencerait en juin et serait payée par l’État.",
    ],
    "German": [
        "Der Vorstand stimmte am Dienstag dafür, einen neuen medizinischen Dienstleister für das Bezirksgefängnis einzustellen, "
        "nachdem Inspektoren festgestellt hatten, dass die Firma Dutzende von Häftlingen nicht versorgt hatte.",
        "Der Vertrag ist 4 Millionen Dollar im Jahr wert und läuft drei Jahre, wie der Bezirk mitteilte.",
        "Die Beamten sagten, die neue Firma werde im Juni mit der Arbeit beginnen und vom Staat bezahlt werden.",
    ],
    "Portuguese": [
        "O conselho votou na terça-feira para contratar um novo prestador médico para a prisão do condado, depois que "
        "os inspetores descobriram que a empresa atual não havia atendido dezenas de detentos, segundo os registros.",
        "O contrato vale 4 milhões de dólares por ano e dura três anos, segundo o condado.",
        "Os funcionários disseram que a nova empresa começaria a trabalhar em junho e seria paga pelo estado.",
    ],
}
# The story in languages no profile tells: still a translation, into "another language".
OTHER_TRANSLATIONS = {
    "Catalan": [
        "La junta va votar dimarts per contractar un nou proveïdor mèdic per a la presó del comtat, després que els "
        "inspectors van descobrir que l’empresa actual no havia atès desenes de reclusos, segons els registres.",
        "El contracte val 4 milions de dòlars l’any i dura tres anys, segons el comtat.",
        "Els funcionaris van dir que la nova empresa començaria a treballar al juny i que la pagaria l’estat.",
    ],
    "Swedish": [
        "Styrelsen röstade på tisdagen för att anlita en ny medicinsk leverantör till länets fängelse, efter att "
        "inspektörer funnit att det nuvarande företaget inte hade gett vård åt dussintals intagna, enligt handlingar.",
        "Kontraktet är värt 4 miljoner dollar om året och löper i tre år, enligt länet.",
        "Tjänstemännen sade att det nya företaget skulle börja arbeta i juni och betalas av delstaten.",
    ],
    "Polish": [
        "Zarząd zagłosował we wtorek za zatrudnieniem nowego dostawcy usług medycznych dla więzienia hrabstwa, po tym "
        "jak inspektorzy stwierdzili, że obecna firma nie zapewniła opieki dziesiątkom więźniów, jak wynika z dokumentów.",
        "Umowa jest warta 4 miliony dolarów rocznie i obowiązuje przez trzy lata, według hrabstwa.",
        "Urzędnicy powiedzieli, że nowa firma rozpocznie pracę w czerwcu i będzie opłacana przez stan.",
    ],
}


def _story(paragraphs: list[str]) -> Any:
    from compliance.document import parse_document

    return parse_document(("<article><h1>Jail care</h1>" + "".join(f"<p>{p}</p>" for p in paragraphs) + "</article>").encode(), "html")


def _judged(original: list[str], copy: list[str], params: FidelityParams) -> Any:
    from compliance.checks.base import Context
    from compliance.checks.fidelity import evaluate

    republished = _story(copy)
    return evaluate(republished, params, Context(republished, original=_story(original)))


@pytest.mark.parametrize("language", list(TRANSLATIONS))
@pytest.mark.parametrize(
    ("translation", "judged"),
    [
        ("prohibited", "which the terms prohibit"),
        ("needs-permission", "which the terms allow only with the publisher's permission"),
        (None, "not an edit of style, time or place"),
    ],
)
def test_a_translation_is_one_finding_the_terms_judge(language: str, translation: str | None, judged: str) -> None:
    outcome = _judged(_ENGLISH_STORY, TRANSLATIONS[language], PARAMS._replace(translation=translation))
    assert not outcome.passed
    assert [hit.evidence for hit in outcome.hits] == [f"a translation of the original into {language} (the original is in English), {judged}"]
    assert dict(outcome.hits[0].captures)["change"] == "translated"


@pytest.mark.parametrize(
    ("params", "judged"),
    [(PARAMS._replace(translation="allowed"), "which the terms allow"), (PARAMS._replace(allow="edits-allowed"), "an adaptation, which the terms allow")],
)
def test_a_translation_the_terms_allow_is_not_compared_word_by_word(params: FidelityParams, judged: str) -> None:
    from compliance.checks.base import Undecided

    with pytest.raises(Undecided) as raised:
        _judged(TRANSLATIONS["French"], TRANSLATIONS["German"], params)
    assert raised.value.reason == f"a translation of the original into German (the original is in French), {judged}; its words are not compared"


# Copies in the original's language are compared word by word, however much they differ: a
# paragraph in another language added to the story, a rewrite, a translation's own copy.
NOT_TRANSLATIONS = [
    (_ENGLISH_STORY, [*_ENGLISH_STORY[:2], TRANSLATIONS["Spanish"][2], _ENGLISH_STORY[2]], ["added"]),
    (
        _ENGLISH_STORY,
        [
            _ENGLISH_STORY[0],
            "The deal pays the firm $4 million yearly over three years, according to county figures.",
            _ENGLISH_STORY[2],
        ],
        ["changed"],
    ),
    (
        TRANSLATIONS["Spanish"],
        [TRANSLATIONS["Spanish"][0], "El contrato vale 5 millones de dólares al año y dura tres años, según el condado.", TRANSLATIONS["Spanish"][2]],
        ["changed"],
    ),
    (_ENGLISH_STORY, _ENGLISH_STORY, []),
]


@pytest.mark.parametrize(
    ("original", "copy", "changes"), NOT_TRANSLATIONS, ids=["a Spanish paragraph added", "an English rewrite", "Spanish, a number changed", "faithful"]
)
def test_a_copy_in_the_originals_language_is_no_translation(original: list[str], copy: list[str], changes: list[str]) -> None:
    outcome = _judged(original, copy, PARAMS._replace(translation="prohibited"))
    assert [dict(hit.captures)["change"] for hit in outcome.hits] == changes


LANGUAGES = [
    *((text, language) for language, story in TRANSLATIONS.items() for text in [" ".join(story)]),
    (" ".join(_ENGLISH_STORY), "English"),
    (
        "Il consiglio ha votato martedì per assumere un nuovo fornitore medico per il carcere della contea, "
        "dopo che gli ispettori hanno scoperto che l’azienda non aveva curato decine di detenuti.",
        "Italian",
    ),
    (
        "Het bestuur heeft dinsdag gestemd om een nieuwe medische dienstverlener voor de gevangenis van de county in "
        "te huren, nadat inspecteurs hadden vastgesteld dat het bedrijf tientallen gedetineerden niet had verzorgd.",
        "Dutch",
    ),
    # Too short, or no language stands out (names and numbers).
    ("The board voted on Tuesday.", None),
    (
        "Maria Lopez, John Smith, Ana Ruiz, Carlos Diaz, Peter Jones, Lee Wong, Sam Hill, Jo Park, Al Green, Di Lo, Ed Ko, 2024, 41, 14, 3.5, 12, 7, 8, 9, 10",
        None,
    ),
]


@pytest.mark.parametrize(("text", "language"), LANGUAGES, ids=[f"{language}: {text[:30]}" for text, language in LANGUAGES])
def test_a_texts_language_is_told_by_its_function_words(text: str, language: str | None) -> None:
    from compliance.checks.languages import language_of

    assert language_of(text.split()) == language


def _beside(language: str, layout: str) -> list[str]:
    """The English story with its translation into `language` printed after it or paragraph by paragraph."""
    translation = TRANSLATIONS[language]
    if layout == "after":
        return [*_ENGLISH_STORY, *translation]
    return [paragraph for pair in zip(_ENGLISH_STORY, translation, strict=True) for paragraph in pair]


@pytest.mark.parametrize("layout", ["after", "interleaved"])
@pytest.mark.parametrize("language", ["Spanish", "French", "Portuguese"])
@pytest.mark.parametrize(
    ("translation", "judged"),
    [
        ("prohibited", "which the terms prohibit"),
        ("needs-permission", "which the terms allow only with the publisher's permission"),
        (None, "not an edit of style, time or place"),
    ],
)
def test_a_translation_printed_with_the_original_is_one_finding(layout: str, language: str, translation: str | None, judged: str) -> None:
    outcome = _judged(_ENGLISH_STORY, _beside(language, layout), PARAMS._replace(translation=translation))
    assert not outcome.passed
    assert [hit.evidence for hit in outcome.hits] == [f"a translation of the original into {language} (the original is in English) printed with it, {judged}"]
    assert dict(outcome.hits[0].captures)["change"] == "translated"


def test_a_translation_printed_with_a_side_by_side_table_is_one_finding() -> None:
    from compliance.checks.base import Context
    from compliance.checks.fidelity import evaluate
    from compliance.document import parse_document

    rows = "".join(f"<tr><td><p>{en}</p></td><td lang='de'><p>{de}</p></td></tr>" for en, de in zip(_ENGLISH_STORY, TRANSLATIONS["German"], strict=True))
    republished = parse_document(f"<article><h1>Jail care</h1><table>{rows}</table></article>".encode(), "html")
    outcome = evaluate(republished, PARAMS._replace(translation="prohibited"), Context(republished, original=_story(_ENGLISH_STORY)))
    assert [dict(hit.captures)["change"] for hit in outcome.hits] == ["translated"]


def test_an_edit_of_the_original_beside_its_translation_is_still_a_finding() -> None:
    copy = [_ENGLISH_STORY[0], _ENGLISH_STORY[1].replace("$4 million", "$5 million"), _ENGLISH_STORY[2], *TRANSLATIONS["Spanish"]]
    outcome = _judged(_ENGLISH_STORY, copy, PARAMS._replace(translation="prohibited"))
    assert [dict(hit.captures)["change"] for hit in outcome.hits] == ["translated", "changed"]


@pytest.mark.parametrize("params", [PARAMS._replace(translation="allowed"), PARAMS._replace(allow="edits-allowed")])
def test_a_translation_the_terms_allow_printed_with_the_original_is_left_out_of_the_comparison(params: FidelityParams) -> None:
    outcome = _judged(_ENGLISH_STORY, _beside("Spanish", "interleaved"), params)
    assert outcome.passed


# Paragraphs in another language that are no translation's worth stay added paragraphs; an
# English note stays out of the story as before.
_QUOTES = [
    "«No tenemos médico desde marzo», dijo un recluso.",
    "«Nadie nos escucha», dijo su madre en la audiencia del martes.",
]
NOT_BESIDE = [
    ([_ENGLISH_STORY[0], _QUOTES[0], _ENGLISH_STORY[1], _QUOTES[1], _ENGLISH_STORY[2]], ["added", "added"]),
    ([_ENGLISH_STORY[0], "El contrato vale 4 millones de dólares al año y dura tres años.", *_ENGLISH_STORY[1:]], ["added"]),
    ([*_ENGLISH_STORY, "Editor's note: This story was updated on Wednesday to add the name of the new company and its bid."], []),
    ([*_ENGLISH_STORY, "Editor's note: This story was updated.", TRANSLATIONS["Spanish"][0]], []),
]


_NOT_BESIDE_IDS = ["two short Spanish quotes", "one Spanish sentence", "an English note", "a note and a Spanish paragraph after"]


@pytest.mark.parametrize("copy_changes", NOT_BESIDE, ids=_NOT_BESIDE_IDS)
def test_a_few_words_in_another_language_are_no_translation_printed_with_the_original(copy_changes: tuple[list[str], list[str]]) -> None:
    copy, changes = copy_changes
    outcome = _judged(_ENGLISH_STORY, copy, PARAMS._replace(translation="prohibited"))
    assert [dict(hit.captures)["change"] for hit in outcome.hits] == changes


# A story's end rewritten, translated or cut: only an end really missing is a truncation.
_FLOOD_STORY = [
    "The river crested at 31 feet on Sunday, flooding dozens of homes along the east bank of Cedar Falls.",
    "Mayor Dana Whitfield said the levee held, but pumps at two stations failed during the night.",
    "The city opened a shelter at Lincoln Middle School, where about 80 residents slept on cots.",
    "State engineers will inspect the levee next week, according to the emergency management office.",
    "Residents can report damage through the city's website or by calling its hotline, Whitfield said.",
]
_REWRITTEN_END = "Whitfield told residents that damage may be reported on the website of the city or through a hotline."
_SECOND_REWRITTEN = "Engineers from the state are expected at the levee within days, the emergency management office said."
_GERMAN_END = "Die Bewohner können Schäden über die Website der Stadt oder telefonisch melden, sagte Whitfield."
_NOTE = "This story was originally published by ProPublica, a nonprofit newsroom that investigates abuses of power."
_NEWSLETTER = "Sign up for our weekly newsletter to get stories like this one in your inbox."
END_CASES = [
    ([*_FLOOD_STORY[:4], _REWRITTEN_END], ["changed"]),
    ([*_FLOOD_STORY[:3], _SECOND_REWRITTEN, _REWRITTEN_END], ["changed", "changed"]),
    ([*_FLOOD_STORY[:4], _GERMAN_END], ["changed"]),
    ([*_FLOOD_STORY[:4], _REWRITTEN_END, _NOTE], ["changed"]),
    ([*_FLOOD_STORY[:3], _SECOND_REWRITTEN, _NOTE], ["changed", "truncated"]),
    # Near-misses: the end really missing, with or without a note after the cut.
    (_FLOOD_STORY[:4], ["truncated"]),
    (_FLOOD_STORY[:3], ["truncated"]),
    ([*_FLOOD_STORY[:4], _NOTE], ["truncated"]),
    ([*_FLOOD_STORY[:3], _NEWSLETTER, _NOTE], ["truncated"]),
]
_END_IDS = [
    *("last rewritten", "last two rewritten", "last translated", "last rewritten, note", "4th rewritten, 5th cut"),
    *("cut 1", "cut 2", "cut 1, note", "cut 2, two notes"),
]


@pytest.mark.parametrize(("copy", "changes"), END_CASES, ids=_END_IDS)
def test_a_changed_last_paragraph_is_a_change_and_only_a_missing_end_a_truncation(copy: list[str], changes: list[str]) -> None:
    outcome = _judged(_FLOOD_STORY, copy, PARAMS)
    assert [dict(hit.captures)["change"] for hit in outcome.hits] == changes
    truncations = [hit.evidence for hit in outcome.hits if dict(hit.captures)["change"] == "truncated"]
    assert all(evidence.startswith("the story stops after paragraph ") for evidence in truncations)


@pytest.mark.parametrize(
    ("line", "added"),
    [
        ("Read the full article on The Conversation.", []),
        ("Read the original article at The Conversation.", []),
        # A short line that names the story's people is no version of the last paragraph either,
        # and, a sentence the original never printed, it is new prose added after the story.
        ("Whitfield said damage reports are welcome.", ["added"]),
    ],
)
def test_a_short_line_in_place_of_the_original_s_last_paragraph_is_no_version_of_it(line: str, added: list[str]) -> None:
    credit = "This article is republished from The Conversation under a Creative Commons license. Read the original article."
    cut = _judged([*_FLOOD_STORY, credit], [*_FLOOD_STORY, line], PARAMS)
    assert [dict(hit.captures)["change"] for hit in cut.hits] == [*added, "truncated"]
    extract = _judged([*_FLOOD_STORY, credit], [*_FLOOD_STORY[:3], line], PARAMS._replace(extract=True))
    assert [dict(hit.captures)["change"] for hit in extract.hits] == added


def test_a_truncation_counts_one_missing_paragraph_in_the_singular() -> None:
    one, two = (_judged(_FLOOD_STORY, _FLOOD_STORY[:kept], PARAMS).hits[0].evidence for kept in (4, 3))
    assert one.startswith("the story stops after paragraph 4 of 5 (") and one.endswith("; 1 paragraph, 15 words, is missing from the end")
    assert two.startswith("the story stops after paragraph 3 of 5 (") and two.endswith("; 2 paragraphs, 29 words, are missing from the end")


def test_a_quote_translated_at_the_end_is_a_change_not_a_cut() -> None:
    original = [*_FLOOD_STORY[:4], "“Podemos ayudar a quien lo necesite,” dijo la voluntaria Rosa Méndez en el refugio de Lincoln."]
    copy = [*_FLOOD_STORY[:4], "“We can help whoever needs it,” volunteer Rosa Méndez said at the Lincoln shelter."]
    outcome = _judged(original, copy, PARAMS)
    assert [hit.evidence.split(":")[0] for hit in outcome.hits] == [f"changed ({dict(outcome.hits[0].captures)['similarity']}% similar)"]


# A county, parish or borough named like a city is another place than the city; the name dropped
# for a relative word, or the city's state added, stays a place edit.
COUNTY_EDITS = [
    ("The shelter in Austin opened on Tuesday for families.", "The shelter in Austin County opened on Tuesday for families.", '"Austin" → "Austin County"'),
    ("The shelter in Austin County opened on Tuesday for families.", "The shelter in Austin opened on Tuesday for families.", '"Austin County" → "Austin"'),
    ("Deputies in Los Angeles made 40 arrests.", "Deputies in Los Angeles County made 40 arrests.", '"Los Angeles" → "Los Angeles County"'),
    ("Dallas County commissioners approved the budget on Monday.", "Dallas commissioners approved the budget on Monday.", '"Dallas County" → "Dallas"'),
    ("Schools in Jefferson County closed for the storm.", "Schools in Jefferson Parish closed for the storm.", '"Jefferson County" → "Jefferson Parish"'),
    ("The mayor of Anchorage signed the order on Friday.", "The mayor of Anchorage Borough signed the order on Friday.", '"Anchorage" → "Anchorage Borough"'),
    (
        "Austin County officials said the shelter in Austin opened on Tuesday.",
        "Austin County officials said the shelter in Austin County opened on Tuesday.",
        '"Austin" → "Austin County"',
    ),
    # Near-misses: place edits.
    ("The shelter in Austin opened on Tuesday for families.", "The shelter in Austin, Texas, opened on Tuesday for families.", None),
    ("The shelter in Travis County opened on Tuesday for families.", "The shelter in the county opened on Tuesday for families.", None),
    ("The shelter in Austin County opened on Tuesday for families.", "The shelter in the county opened on Tuesday for families.", None),
    ("The shelter in Austin County opened on Tuesday for families.", "The shelter in Austin County, Texas, opened on Tuesday for families.", None),
    ("The shelter in Miami-Dade County opened on Tuesday for families.", "The shelter in Miami-Dade opened on Tuesday for families.", None),
    (
        "Austin County officials and Austin residents met on Tuesday to discuss the new shelter and how it will be paid for in the coming year.",
        "Austin residents and Austin County officials met on Tuesday to discuss the new shelter and how it will be paid for in the coming year.",
        None,
    ),
]


@pytest.mark.parametrize(("before", "after", "why"), COUNTY_EDITS, ids=[f"{b} → {a}" for b, a, _ in COUNTY_EDITS])
def test_a_county_named_like_a_city_is_another_place(before: str, after: str, why: str | None) -> None:
    from rapidfuzz import fuzz

    assert beyond_style(before, after, fuzz.ratio(before, after), PARAMS) == (None if why is None else f"{why}: another place")


# (the original's language, the copy's): Catalan holds too many of Spanish's function words to be
# told from a Spanish original this way.
_WITHOUT_PROFILE = [*(("English", language) for language in OTHER_TRANSLATIONS), ("Spanish", "Swedish"), ("Spanish", "Polish"), ("German", "Catalan")]


@pytest.mark.parametrize(("original", "language"), _WITHOUT_PROFILE)
def test_a_translation_into_a_language_without_a_profile_is_one_finding(original: str, language: str) -> None:
    story = _ENGLISH_STORY if original == "English" else TRANSLATIONS[original]
    outcome = _judged(story, OTHER_TRANSLATIONS[language], PARAMS._replace(translation="prohibited"))
    said = f"a translation of the original into another language (the original is in {original}), which the terms prohibit"
    assert [hit.evidence for hit in outcome.hits] == [said]


# Near-misses: too short to tell, a list of names and numbers, a script without spaces (too few
# words: compared as it is), an English rewrite.
_NAMES = "Maria Lopez, John Smith, Ana Ruiz, Carlos Diaz, Peter Jones, Lee Wong, Sam Hill, Jo Park, 2024, 41, 14, 3.5, 12, 7, 8, 9, 10, 11"
NO_OTHER_LANGUAGE = [
    ([OTHER_TRANSLATIONS["Swedish"][1]], "the story differs from the original beyond style, time and place edits"),
    ([_NAMES, "Officials: 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17."], "none of the original's 3 paragraphs is in the republication"),
    (
        ["董事会周二投票决定为县监狱聘请一家新的医疗承包商。", "合同每年价值400万美元,为期三年。", "官员说新公司将于六月开始工作。"],
        "none of the original's 3 paragraphs is in the republication",
    ),
    (
        [
            "On Tuesday the board chose a new medical contractor for the county jail, because the current one failed dozens of inmates.",
            "The deal pays the firm $4 million yearly over three years, according to county figures.",
            "The new company starts in June, with the state paying for it, officials said.",
        ],
        "the story differs from the original beyond style, time and place edits",
    ),
]


@pytest.mark.parametrize(("copy", "reason"), NO_OTHER_LANGUAGE, ids=["one short paragraph", "names and numbers", "Chinese", "an English rewrite"])
def test_a_copy_not_running_text_in_another_language_is_no_translation(copy: list[str], reason: str) -> None:
    outcome = _judged(_ENGLISH_STORY, copy, PARAMS._replace(translation="prohibited"))
    assert "translated" not in [dict(hit.captures)["change"] for hit in outcome.hits]
    assert outcome.detail == reason


def _page(body: str) -> Any:
    from compliance.document import parse_document

    return parse_document(f"<article><h1>Jail care</h1>{body}</article>".encode(), "html")


def _compared(original: str, copy: str) -> list[tuple[str, str]]:
    """Each hit of `fidelity` (no derivatives) comparing the copy's HTML with the original's: its change and evidence."""
    from compliance.checks.base import Context
    from compliance.checks.fidelity import evaluate

    republished = _page(copy)
    outcome = evaluate(republished, PARAMS, Context(republished, original=_page(original)))
    return [(dict(hit.captures)["change"], hit.evidence) for hit in outcome.hits]


_P = "".join(f"<p>{p}</p>" for p in _ENGLISH_STORY)
_P1, _P23 = f"<p>{_ENGLISH_STORY[0]}</p>", "".join(f"<p>{p}</p>" for p in _ENGLISH_STORY[1:])
# A photo's caption in the original, and the copy's own, in the markup CMSs print them in.
CAPTIONS = {
    "figcaption": '<figure><img src="https://cdn.example.org/jail.jpg" alt="">'
    "<figcaption>The county jail in March. Jane Roe/Getty Images</figcaption></figure>",
    "a paragraph in a figure": '<figure><picture><img src="/j.jpg" alt=""></picture><p>Le centre de détention du comté. Photo AFP.</p></figure>',
    "WordPress caption": '<div class="wp-caption"><img src="/j.jpg" alt=""><p class="wp-caption-text">The county jail. (Jane Roe / Reuters)</p></div>',
    "a photo credit line": '<p class="c-photo-credit">Photo by Tom Hill for the Valley Times, used with permission.</p>',
}


@pytest.mark.parametrize("caption", list(CAPTIONS.values()), ids=list(CAPTIONS))
@pytest.mark.parametrize("edit", ["dropped", "substituted", "added", "kept"])
def test_a_photos_caption_is_no_paragraph_of_the_story(caption: str, edit: str) -> None:
    # The terms let an editor omit or substitute the images: the caption goes with its photo.
    own = '<figure><img src="/local.jpg" alt=""><figcaption>A guard at the county jail. Valley Times photo by Tom Hill.</figcaption></figure>'
    original, copy = {
        "dropped": (_P1 + caption + _P23, _P),
        "substituted": (_P1 + caption + _P23, _P1 + own + _P23),
        "added": (_P, _P1 + caption + _P23),
        "kept": (_P1 + caption + _P23, _P1 + caption + _P23),
    }[edit]
    assert _compared(original, copy) == []


# Figures of the story's own text, and long text under a class that only mentions captions.
NOT_CAPTIONS = {
    "a table's figure": '<figure class="wp-block-table"><table><tr><td>The jail held 412 inmates in March, up from 380.</td></tr></table>'
    "<figcaption>Jail population</figcaption></figure>",
    "a pull quote's figure": '<figure class="wp-block-pullquote"><blockquote>'
    "<p>We are seeing failures we have never seen before, the inspector said.</p></blockquote></figure>",
    "a long block under a caption class": '<div class="caption-style-wide"><p>'
    + " ".join(["The inspectors returned in April and found the same failures in every wing of the jail."] * 6)
    + "</p></div>",
}


@pytest.mark.parametrize("block", list(NOT_CAPTIONS.values()), ids=list(NOT_CAPTIONS))
def test_a_figure_of_the_storys_text_left_out_is_still_removed(block: str) -> None:
    assert [change for change, _ in _compared(_P1 + block + _P23, _P)] == ["removed"]


_NOTES = (
    '<div class="content-sidebar"><h3>Authors</h3><p>Maria Lopez, Assistant Professor of Entomology, University of Arizona.</p>'
    "<h3>Disclosure statement</h3><p>Maria Lopez receives funding from the National Science Foundation for this work.</p>"
    "<h3>Partners</h3><p>The University of Arizona provides funding as a member of The Conversation US.</p></div>"
)


@pytest.mark.parametrize("itemprop", ["articleBody", "articlebody text", "text articleBody"])
def test_the_originals_notes_after_its_marked_article_body_are_not_the_story(itemprop: str) -> None:
    original = f'<div itemprop="{itemprop}">{_P}</div>{_NOTES}'
    assert _compared(original, _P) == []
    # A paragraph of the body itself left out is still a cut.
    assert [change for change, _ in _compared(original, _P1 + f"<p>{_ENGLISH_STORY[1]}</p>")] == ["truncated"]


def test_without_a_marked_article_body_the_notes_inside_the_article_are_compared() -> None:
    # Nothing tells them from the story: the copy that leaves them out stops early.
    assert [change for change, _ in _compared(f"<div>{_P}</div>{_NOTES}", _P)] == ["truncated"]


# New prose a republisher adds before the story's first paragraph or after its last (a local top,
# a local kicker): facts, quotes and figures the original never printed.
NEW_PROSE = [
    "In Marion County, the school district closed two campuses on Friday because of the flooding.",
    '"We lost everything in the basement," said Rosa Delgado, who has lived on Front Street for 30 years.',
    "The county's emergency fund has $2 million left. Commissioners will decide on Monday how to spend it.",
    "Volunteers from three churches filled 4,000 sandbags over the weekend near the Elm Street bridge.",
]
_FLOOD = "".join(f"<p>{p}</p>" for p in _FLOOD_STORY)


@pytest.mark.parametrize("prose", NEW_PROSE)
@pytest.mark.parametrize("side", ["before", "after"])
def test_new_prose_before_or_after_the_story_is_added(prose: str, side: str) -> None:
    copy = f"<p>{prose}</p>{_FLOOD}" if side == "before" else f"{_FLOOD}<p>{prose}</p>"
    # A paragraph that is someone's quote is quoted in single marks, not doubled ones.
    shown = f"'{prose}'" if prose.startswith('"') else f'"{prose}"'
    assert _compared(_FLOOD, copy) == [("added", f"added: {shown}")]


def test_new_prose_on_both_sides_is_two_additions_in_order() -> None:
    copy = f"<p>{NEW_PROSE[0]}</p>{_FLOOD}<p>{NEW_PROSE[3]}</p>"
    assert _compared(_FLOOD, copy) == [("added", f'added: "{NEW_PROSE[0]}"'), ("added", f'added: "{NEW_PROSE[3]}"')]


# Notes a republisher prints beside the story: credits, editors' notes, boilerplate, lists of
# links, promotions, bios. None is an edit of the story, before it or after it.
NOTES_BESIDE = {
    "editor's note": "<p>Editor's note: This story was updated on Wednesday to correct the name of the shelter.</p>",
    "correction": "<p>Correction: An earlier version of this story misspelled the name of the mayor of Cedar Falls.</p>",
    "credit": "<p>This story was originally published by the Cedar Falls Courier and is republished here with permission.</p>",
    "reporting credit": "<p>Reporting by Sam Ortiz of the Cedar Falls Courier; additional research by Lee Park.</p>",
    "boilerplate": "<p>The Valley Times is an independent, reader-supported newsroom covering Valley County since 1921.</p>",
    "licence": "<p>You may republish this article for free under a Creative Commons license, with a link to the original.</p>",
    "newsletter": "<p>Sign up for our weekly newsletter to get stories like this one in your inbox every Friday.</p>",
    "related list": '<p>Related: <a href="/levee">How the levee was built</a>, <a href="/pumps">Why the pumps failed</a></p>',
    "link-only line": '<p><a href="/floods">More coverage of the spring floods in Cedar Falls, all in one place.</a></p>',
    "copyright": "<p>© 2024 Cedar Falls Courier. All rights reserved.</p>",
    "bio": "<p>Dana Reyes is a reporter for the Valley Times who covers the environment and public health.</p>",
    "tip line": "<p>Have a story about the flood? Email us at tips@valleytimes.example and our reporters will follow up.</p>",
}


@pytest.mark.parametrize("note", list(NOTES_BESIDE.values()), ids=list(NOTES_BESIDE))
@pytest.mark.parametrize("side", ["before", "after"])
def test_a_note_before_or_after_the_story_is_no_addition(note: str, side: str) -> None:
    copy = f"{note}{_FLOOD}" if side == "before" else f"{_FLOOD}{note}"
    assert _compared(_FLOOD, copy) == []


def test_a_bio_of_the_bylines_author_is_no_addition() -> None:
    # No job title, but it opens with the name the byline credits.
    bio = "<p>Mara Ellison covers climate and disasters from Des Moines and has lived in Cedar Falls since 2015.</p>"
    assert _compared(_FLOOD, f'<p class="byline">By Mara Ellison</p>{_FLOOD}{bio}') == []
    assert [change for change, _ in _compared(_FLOOD, f"{_FLOOD}{bio}")] == ["added"]


@pytest.mark.parametrize("prose", NEW_PROSE[:2])
def test_the_story_ends_at_the_first_note_after_it(prose: str) -> None:
    # Prose before the note reads as the story's own last paragraph; prose after a note is the
    # page's furniture (a republisher's own text after its credit line), not the story. Above the
    # story nothing is the page's but notes: prose above the credit line is added too.
    note = NOTES_BESIDE["credit"]
    assert [change for change, _ in _compared(_FLOOD, f"{_FLOOD}<p>{prose}</p>{note}")] == ["added"]
    assert _compared(_FLOOD, f"{_FLOOD}{note}<p>{prose}</p>") == []
    assert [change for change, _ in _compared(_FLOOD, f"{note}<p>{prose}</p>{_FLOOD}")] == ["added"]
    assert [change for change, _ in _compared(_FLOOD, f"<p>{prose}</p>{note}{_FLOOD}")] == ["added"]
