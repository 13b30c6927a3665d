#!/usr/bin/env python3
"""Writes instances/sample: a small clinic of the seed's size, as mongoexport --jsonArray writes it.

Ten doctors, ten medical reps, thirty patients and an admin; 25 weekly schedules, 31 appointments,
100 rep visits with visit summaries and 10 clinic_days documents. Everything is placed so that the
plan is clean except for a handful of deliberate conflicts (listed in DELIBERATE below), which
`clinic-plan conflicts --from 2026-11-29` shows. Every user's password is "clinic-demo", bcrypt-hashed.

Run from the repository root: python3 instances/sample-source/make_sample.py
"""
import crypt
import datetime as dt
import json
import os
import random

OUT = os.path.join(os.path.dirname(__file__), "..", "sample")
rng = random.Random(2026)
PASSWORD = "clinic-demo"
WEEK = dt.date(2026, 11, 29)  # the Sunday of the sample's main week


def oid(tag, n):
    return {"$oid": f"65f0{tag:04x}{n:016x}"}


def date(d, hhmm="00:00"):
    h, m = map(int, hhmm.split(":"))
    t = dt.datetime(d.year, d.month, d.day, h, m, tzinfo=dt.timezone.utc)
    return {"$date": t.strftime("%Y-%m-%dT%H:%M:%SZ")}


def bcrypt(password):
    return crypt.crypt(password, crypt.mksalt(crypt.METHOD_BLOWFISH, rounds=1 << 10))


DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]


def weekday_name(d):
    return DAYS[(d.weekday() + 1) % 7]


def minutes(hhmm):
    h, m = map(int, hhmm.split(":"))
    return h * 60 + m


def hhmm(mins):
    return f"{mins // 60:02d}:{mins % 60:02d}"


# MARK: - people
doctor_people = [
    ("Dr. Ahmed Hassan", "Cardiology", "Heart Care Clinic", 600),
    ("Dr. Mona Adel", "Dermatology", "Skin & Glow Clinic", 450),
    ("Dr. Karim Fathy", "Pediatrics", "Little Steps Clinic", 400),
    ("Dr. Salma Nabil", "Orthopedics", "Bone & Joint Center", 550),
    ("Dr. Omar Khaled", "Neurology", "NeuroCare Clinic", 700),
    ("Dr. Heba Mostafa", "Ophthalmology", "Clear Vision Clinic", 500),
    ("Dr. Tarek Samir", "ENT", "Ear Nose Throat Clinic", 350),
    ("Dr. Nourhan Ali", "Internal Medicine", "Family Health Clinic", 300),
    ("Dr. Youssef Ibrahim", "Cardiology", "Heart Care Clinic", 650),
    ("Dr. Rania Magdy", "Dermatology", "Skin & Glow Clinic", 480),
]
patient_names = [
    "Mohamed Saeed", "Fatma Hamdy", "Mahmoud Reda", "Aya Mahmoud", "Hany Farouk", "Dina Sherif",
    "Islam Gamal", "Reem Ashraf", "Amr Wael", "Nada Essam", "Sherif Anwar", "Yasmin Tamer",
    "Khaled Lotfy", "Mariam Hossam", "Ali Zaki", "Esraa Kamal", "Mostafa Ramadan", "Laila Fouad",
    "Ayman Shawky", "Hagar Samy", "Walid Naguib", "Sara Helmy", "Bassem Yehia", "Noha Emad",
    "Adel Mounir", "Rana Osama", "Hesham Badr", "Doaa Salah", "Ziad Hatem", "Shaimaa Refaat",
]
rep_people = [
    ("Ehab Sabry", "Pharco Pharmaceuticals", "Cardiology"),
    ("Ghada Nasser", "EVA Pharma", "Dermatology"),
    ("Medhat Awad", "Amoun Pharmaceutical", "Pediatrics"),
    ("Nermeen Said", "Eipico", "Orthopedics"),
    ("Sameh Galal", "Novartis Egypt", "Neurology"),
    ("Marwa Abdelaziz", "Pfizer Egypt", "Ophthalmology"),
    ("Ramy Soliman", "Sanofi Egypt", "ENT"),
    ("Inas Fawzy", "GSK Egypt", "Internal Medicine"),
    ("Tamer Hosny", "Minapharm", "Cardiology"),
    ("Hala Raafat", "Pharco Pharmaceuticals", "Dermatology"),
]


def email(name):
    parts = name.replace("Dr. ", "").lower().split()
    return f"{parts[0]}.{parts[1]}@clinicplan.example"


users, doctors, patients, reps = [], [], [], []
for i, (name, spec, clinic, fee) in enumerate(doctor_people):
    uid = i + 1
    users.append({"_id": uid, "name": name, "email": email(name), "password": bcrypt(PASSWORD), "role": "doctor"})
    doctors.append({"_id": oid(1, i + 1), "user_id": uid, "specialization": spec, "clinic_name": clinic,
                    "consultation_fee": fee})
for i, name in enumerate(patient_names):
    uid = 11 + i
    users.append({"_id": uid, "name": name, "email": email(name), "password": bcrypt(PASSWORD), "role": "patient"})
    patients.append({"_id": oid(2, i + 1), "user_id": uid, "age": rng.randint(4, 82),
                     "gender": "female" if i % 2 else "male", "phone": f"010{rng.randint(10000000, 99999999)}",
                     "blood_type": rng.choice(["A+", "A-", "B+", "B-", "O+", "O-", "AB+", "AB-"])})
for i, (name, company, specialty) in enumerate(rep_people):
    uid = 41 + i
    users.append({"_id": uid, "name": name, "email": email(name), "password": bcrypt(PASSWORD), "role": "medical rep"})
    reps.append({"_id": oid(3, i + 1), "user_id": uid, "company_name": company,
                 "company_phone": f"02{rng.randint(20000000, 29999999)}", "drug_specialty": specialty,
                 "phone": f"012{rng.randint(10000000, 99999999)}"})
users.append({"_id": 51, "name": "Clinic Administrator", "email": "admin@clinicplan.example",
              "password": bcrypt(PASSWORD), "role": "admin"})

# MARK: - schedules: 5 doctors work 3 days, 5 work 2 days (25 in all)
plans = [
    (["Sunday", "Tuesday", "Thursday"], "09:00", "13:00", "13:00", "14:00", 12, 3, 20),
    (["Monday", "Wednesday"], "10:00", "14:00", "14:00", "15:00", 14, 2, None),
    (["Sunday", "Monday", "Wednesday"], "16:00", "20:00", "15:00", "16:00", 16, 3, None),
    (["Tuesday", "Thursday"], "11:00", "15:00", "09:30", "11:00", 10, 4, 30),
    (["Sunday", "Wednesday", "Saturday"], "17:00", "21:00", "16:00", "17:00", 8, 2, 30),
    (["Monday", "Thursday"], "09:00", "12:00", "12:00", "13:00", 3, 3, 20),
    (["Sunday", "Tuesday", "Wednesday"], "18:00", "22:00", "17:00", "18:00", 16, 2, None),
    (["Monday", "Tuesday"], "08:00", "12:00", "12:30", "14:00", 16, 4, None),
    (["Sunday", "Thursday", "Saturday"], "12:00", "16:00", "10:00", "11:30", 12, 3, 20),
    (["Monday", "Wednesday"], "15:00", "19:00", "14:00", "15:00", 16, 2, None),
]
schedules = []
sched_of = {}  # (doctor index, day) -> schedule dict
n = 0
for d, (days, ps, pe, rs, re, mp, mr, am) in enumerate(plans):
    for day in days:
        n += 1
        s = {"_id": oid(4, n), "doctor_id": doctors[d]["_id"], "day": day, "patient_start_time": ps,
             "patient_end_time": pe, "rep_start_time": rs, "rep_end_time": re, "max_patients": mp, "max_reps": mr}
        if am:
            s["appointment_minutes"] = am
        schedules.append(s)
        sched_of[(d, day)] = s
# Deliberate: Dr. Omar Khaled's Saturday rep window runs into his patient hours (invalid_schedule).
sched_of[(4, "Saturday")]["rep_end_time"] = "17:30"
assert len(schedules) == 25

# MARK: - clinic days
clinic_days = []


def close(d, day, reason, is_open=False):
    clinic_days.append({"_id": oid(5, len(clinic_days) + 1), "doctor_id": doctors[d]["_id"], "date": date(day),
                        "is_open": is_open, "reason": reason})


close(0, dt.date(2026, 12, 3), "Cardiology conference in Alexandria")
close(2, dt.date(2026, 11, 30), "Doctor on annual leave")
close(5, dt.date(2026, 12, 7), "Clinic maintenance")
close(6, dt.date(2026, 12, 1), "Doctor on annual leave")
close(8, dt.date(2026, 12, 24), "Christmas Eve")
close(9, dt.date(2026, 12, 16), "Training day")
close(3, dt.date(2026, 12, 17), "Doctor on sick leave")
close(1, dt.date(2026, 11, 30), "Extra opening for follow-ups", is_open=True)
close(7, dt.date(2026, 12, 8), "Regular day (confirmed)", is_open=True)
close(4, dt.date(2026, 12, 13), "Doctor travelling")
closed = {(c["doctor_id"]["$oid"], c["date"]["$date"][:10]) for c in clinic_days if not c["is_open"]}

# MARK: - occupancy bookkeeping, so that everything not deliberate is clean
busy_doctor, busy_rep, busy_patient, count_pat, count_rep = {}, {}, {}, {}, {}


def free(table, key, start, length):
    return all(not (start < e and s < start + length) for s, e in table.get(key, []))


def take(table, key, start, length):
    table.setdefault(key, []).append((start, start + length))


def appt_len(d, day):
    return sched_of[(d, day)].get("appointment_minutes", 15)


def dates_of(weekday_name_, first, weeks):
    return [first + dt.timedelta(days=k) for k in range(weeks * 7) if weekday_name(first + dt.timedelta(days=k)) == weekday_name_]


# MARK: - appointments: 8 standing weekly bookings and 23 dated ones
appointments = []


def add_appointment(d, p, day, time, status="booked", on=None, check=True, skip=None):
    length = appt_len(d, day) if (d, day) in sched_of else 15
    start = minutes(time)
    occurrences = [on] if on else dates_of(day, WEEK, 4)
    if check:
        for when in occurrences:
            key = (d, str(when))
            assert free(busy_doctor, key, start, length), (d, when, time)
            assert free(busy_patient, (p, str(when)), start, length), (p, when, time)
    if status == "booked":
        for when in occurrences:
            if skip and when in skip:
                continue
            take(busy_doctor, (d, str(when)), start, length)
            take(busy_patient, (p, str(when)), start, length)
            count_pat[(d, str(when))] = count_pat.get((d, str(when)), 0) + 1
    a = {"_id": oid(6, len(appointments) + 1), "doctor_id": doctors[d]["_id"], "patient_id": patients[p]["_id"],
         "day": day, "time": time, "status": status}
    if on:
        a["date"] = date(on)
    if skip:
        a["skip_dates"] = [date(s) for s in skip]
    appointments.append(a)


# Standing weekly bookings (no date): every week on their day.
add_appointment(0, 0, "Sunday", "09:00")
add_appointment(0, 1, "Tuesday", "09:20")
add_appointment(1, 2, "Monday", "10:00")
add_appointment(2, 3, "Wednesday", "16:30")
add_appointment(3, 4, "Thursday", "11:00", skip=[dt.date(2026, 12, 17)])
add_appointment(6, 5, "Sunday", "18:00")
add_appointment(7, 6, "Monday", "08:15")
add_appointment(9, 7, "Wednesday", "15:00")
# Dated bookings in the main week and the next.
dated = [
    (0, 8, dt.date(2026, 12, 1), "10:00"), (0, 9, dt.date(2026, 11, 29), "10:40"),
    (1, 10, dt.date(2026, 12, 2), "11:15"), (1, 11, dt.date(2026, 11, 30), "12:00"),
    (2, 12, dt.date(2026, 12, 6), "17:00"), (3, 13, dt.date(2026, 12, 1), "13:00"),
    (4, 14, dt.date(2026, 12, 2), "18:00"), (5, 15, dt.date(2026, 11, 30), "09:00"),
    (5, 16, dt.date(2026, 11, 30), "09:20"), (5, 17, dt.date(2026, 11, 30), "10:00"),
    (6, 18, dt.date(2026, 12, 2), "19:30"), (7, 19, dt.date(2026, 12, 1), "09:00"),
    (8, 20, dt.date(2026, 12, 3), "12:20"), (8, 21, dt.date(2026, 12, 5), "13:00"),
    (9, 22, dt.date(2026, 12, 7), "16:00"), (2, 23, dt.date(2026, 12, 9), "18:15"),
    (7, 24, dt.date(2026, 12, 8), "10:30"),
]
for d, p, when, time in dated:
    add_appointment(d, p, weekday_name(when), time, on=when)
# A cancelled booking holds no slot.
add_appointment(1, 25, "Wednesday", "11:15", status="cancelled", on=dt.date(2026, 12, 2), check=False)
# DELIBERATE conflicts in the main week:
# 1. double booking: Dr. Ahmed Hassan, Sunday 2026-11-29 09:00 is a standing booking; a dated one at 09:10.
add_appointment(0, 26, "Sunday", "09:10", on=dt.date(2026, 11, 29), check=False)
# 2. closed day: Dr. Ahmed Hassan is at a conference on Thursday 2026-12-03.
add_appointment(0, 27, "Thursday", "11:00", on=dt.date(2026, 12, 3), check=False)
# 3. outside hours: Dr. Karim Fathy sees patients from 16:00; 15:40 is before the window.
add_appointment(2, 28, "Sunday", "15:40", on=dt.date(2026, 11, 29), check=False)
# 4. over capacity: Dr. Heba Mostafa takes 3 patients on Mondays; a fourth on 2026-11-30,
# 5. patient double booking: Dina Sherif's standing Sunday 18:00 with Dr. Tarek Samir, and 18:05 with Dr. Karim Fathy.
add_appointment(5, 29, "Monday", "11:00", on=dt.date(2026, 11, 30), check=False)
add_appointment(2, 5, "Sunday", "18:05", on=dt.date(2026, 11, 29), check=False)
assert len(appointments) == 31, len(appointments)

# MARK: - rep visits: 100, from October to December 2026
visits = []
topics = {
    "Cardiology": ["New beta-blocker", "Statin trial results", "Anticoagulant dosing"],
    "Dermatology": ["Acne gel launch", "Sunscreen samples", "Eczema cream"],
    "Pediatrics": ["Pediatric syrup", "Vaccine schedule update", "Vitamin D drops"],
    "Orthopedics": ["Joint supplement", "NSAID gel", "Bone density drug"],
    "Neurology": ["Migraine therapy", "Antiepileptic update", "Sleep aid"],
    "Ophthalmology": ["Eye drops launch", "Glaucoma therapy", "Dry eye study"],
    "ENT": ["Nasal spray", "Antihistamine", "Ear drops"],
    "Internal Medicine": ["Diabetes combo pill", "Hypertension guideline", "PPI samples"],
}
feedbacks = ["Doctor accepted samples", "Asked for clinical data", "Will prescribe to suitable patients",
             "Not interested for now", "Requested a follow-up visit", "Positive, wants more samples"]


def add_visit(d, r, when, time, status, length, check=True):
    start = minutes(time)
    key = (d, str(when))
    occupying = status in ("scheduled", "completed")
    if check and occupying:
        s = sched_of[(d, weekday_name(when))]
        assert minutes(s["rep_start_time"]) <= start and start + length <= minutes(s["rep_end_time"])
        assert (doctors[d]["_id"]["$oid"], str(when)) not in closed
        assert free(busy_doctor, key, start, length) and free(busy_rep, (r, str(when)), start, length)
        assert count_rep.get(key, 0) < s["max_reps"]
    if occupying:
        take(busy_doctor, key, start, length)
        take(busy_rep, (r, str(when)), start, length)
        count_rep[key] = count_rep.get(key, 0) + 1
    specialty = rep_people[r][2]
    v = {"_id": oid(7, len(visits) + 1), "doctor_id": doctors[d]["_id"], "rep_id": reps[r]["_id"],
         "date": date(when, time), "status": status}
    if status != "scheduled":
        v["visit_summary"] = {"samples": rng.randint(0, 6) if status == "completed" else 0,
                              "duration_min": length, "discussion_topic": rng.choice(topics[specialty]),
                              "feedback": rng.choice(feedbacks) if status == "completed" else
                              {"cancelled": "Visit cancelled by the clinic", "no-show": "Rep did not show up",
                               "rescheduled": "Doctor asked to move the visit"}[status]}
    else:
        v["visit_summary"] = {"samples": 0, "duration_min": length, "discussion_topic": rng.choice(topics[specialty]),
                              "feedback": ""}
    visits.append(v)


# DELIBERATE: a rep booked at two doctors at once (Tamer Hosny, Wednesday 2026-12-02 14:00),
# and a rep visit on a Friday, when Dr. Nourhan Ali has no schedule.
add_visit(1, 8, dt.date(2026, 12, 2), "14:00", "scheduled", 20)
add_visit(9, 8, dt.date(2026, 12, 2), "14:10", "scheduled", 20, check=False)
add_visit(7, 7, dt.date(2026, 12, 4), "12:30", "scheduled", 15, check=False)
first_day, last_day = dt.date(2026, 10, 4), dt.date(2026, 12, 19)
today = dt.date(2026, 11, 25)
attempts = 0
while len(visits) < 100:
    attempts += 1
    assert attempts < 100000
    d = rng.randrange(10)
    # Reps mostly visit doctors of their own specialty; sometimes others.
    spec = doctor_people[d][1]
    matching = [i for i, rp in enumerate(rep_people) if rp[2] == spec]
    r = rng.choice(matching) if matching and rng.random() < 0.8 else rng.randrange(10)
    when = first_day + dt.timedelta(days=rng.randrange((last_day - first_day).days + 1))
    day = weekday_name(when)
    if (d, day) not in sched_of or (doctors[d]["_id"]["$oid"], str(when)) in closed:
        continue
    s = sched_of[(d, day)]
    rs, re_ = minutes(s["rep_start_time"]), minutes(s["rep_end_time"])
    if d == 4 and day == "Saturday":
        re_ = 17 * 60  # keep ordinary visits clear of the deliberately broken schedule
    length = rng.choice([10, 15, 15, 20, 20, 25, 30])
    starts = list(range(rs, re_ - length + 1, 5))
    if not starts:
        continue
    start = rng.choice(starts)
    if when < today:
        status = rng.choices(["completed", "cancelled", "no-show", "rescheduled"], [70, 12, 8, 10])[0]
    else:
        status = rng.choices(["scheduled", "rescheduled", "cancelled"], [80, 12, 8])[0]
    occupying = status in ("scheduled", "completed")
    key = (d, str(when))
    if occupying and (not free(busy_doctor, key, start, length) or not free(busy_rep, (r, str(when)), start, length)
                      or count_rep.get(key, 0) >= s["max_reps"]):
        continue
    add_visit(d, r, when, hhmm(start), status, length)
visits.sort(key=lambda v: v["date"]["$date"])
for i, v in enumerate(visits):
    v["_id"] = oid(7, i + 1)


def write(name, docs):
    with open(os.path.join(OUT, name), "w") as f:
        f.write("[")
        f.write(",\n".join(json.dumps(doc, ensure_ascii=False, separators=(",", ":")) for doc in docs))
        f.write("]\n")


os.makedirs(OUT, exist_ok=True)
write("users.json", users)
write("doctors.json", doctors)
write("patients.json", patients)
write("medical_reps.json", reps)
write("appointments.json", appointments)
write("rep_visits.json", visits)
write("schedules.json", schedules)
write("clinic_days.json", clinic_days)
# The clinic's settings: every time above is written in UTC (see date()), so the clinic's zone is
# UTC, stated here so that no command needs --timezone (clinic-plan.json, read by every command).
SETTINGS = {"timezone": "UTC", "rebook_grid_minutes": 5,
            "defaults": {"days": 7, "suggest": 3, "within": 14, "threshold": 0.5, "lock_timeout": 30}}
with open(os.path.join(OUT, "clinic-plan.json"), "w") as f:
    f.write(json.dumps(SETTINGS, indent=2) + "\n")
print(f"wrote {OUT}: {len(users)} users, {len(appointments)} appointments, {len(visits)} rep visits")
