/// Word lists the generator draws realistic names and labels from.
enum GeneratorNames {
    static let firstNames = [
        "Ahmed", "Mona", "Karim", "Salma", "Omar", "Heba", "Tarek", "Nourhan", "Youssef", "Rania",
        "Mohamed", "Fatma", "Mahmoud", "Aya", "Hany", "Dina", "Islam", "Reem", "Amr", "Nada",
        "Sherif", "Yasmin", "Khaled", "Mariam", "Ali", "Esraa", "Mostafa", "Laila", "Ayman", "Hagar",
        "Walid", "Sara", "Bassem", "Noha", "Adel", "Rana", "Hesham", "Doaa", "Ziad", "Shaimaa",
    ]
    static let lastNames = [
        "Hassan", "Adel", "Fathy", "Nabil", "Khaled", "Mostafa", "Samir", "Ali", "Ibrahim", "Magdy",
        "Saeed", "Hamdy", "Reda", "Mahmoud", "Farouk", "Sherif", "Gamal", "Ashraf", "Wael", "Essam",
        "Anwar", "Tamer", "Lotfy", "Hossam", "Zaki", "Kamal", "Ramadan", "Fouad", "Shawky", "Samy",
    ]
    static let specializations = [
        "Cardiology", "Dermatology", "Pediatrics", "Orthopedics", "Neurology", "Ophthalmology", "ENT",
        "Internal Medicine", "Gynecology", "Dentistry", "Psychiatry", "Urology",
    ]
    static let clinicWords = ["Care", "Health", "Family", "Nile", "Cairo", "Delta", "Horizon", "Wellness"]
    static let companies = [
        "Pharco Pharmaceuticals", "EVA Pharma", "Amoun Pharmaceutical", "Eipico", "Novartis Egypt",
        "Pfizer Egypt", "Sanofi Egypt", "GSK Egypt", "Minapharm", "AstraZeneca Egypt",
    ]
    static let topics = [
        "New product launch", "Clinical trial results", "Dosing update", "Samples follow-up",
        "Safety information", "Guideline update",
    ]
    static let feedback = [
        "Doctor accepted samples", "Asked for clinical data", "Will prescribe to suitable patients",
        "Not interested for now", "Requested a follow-up visit",
    ]
    static let closureReasons = [
        "Doctor on annual leave", "Medical conference", "Clinic maintenance", "Doctor on sick leave",
        "Training day",
    ]
    static let bloodTypes = ["A+", "A-", "B+", "B-", "O+", "O-", "AB+", "AB-"]
}
