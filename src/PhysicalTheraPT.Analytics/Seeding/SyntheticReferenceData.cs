namespace PhysicalTheraPT.Analytics.Seeding;

/// <summary>
/// The small, realistic lists the generator draws from. Every name, phone number and email is fictitious:
/// phone numbers use the 555-0100 to 555-0199 range set aside for fiction, emails the example.com domain.
/// </summary>
internal static class SyntheticReferenceData
{
    /// <summary>Ordered so that the first five clinics cover five different US time zones.</summary>
    public static readonly SyntheticCity[] Cities =
    [
        new("New York", "America/New_York", "212"),
        new("Chicago", "America/Chicago", "312"),
        new("Denver", "America/Denver", "303"),
        new("Los Angeles", "America/Los_Angeles", "213"),
        new("Phoenix", "America/Phoenix", "602"),
        new("Boston", "America/New_York", "617"),
        new("Dallas", "America/Chicago", "214"),
        new("Salt Lake City", "America/Denver", "801"),
        new("Seattle", "America/Los_Angeles", "206"),
        new("Tucson", "America/Phoenix", "520"),
        new("Atlanta", "America/New_York", "404"),
        new("Minneapolis", "America/Chicago", "612"),
        new("Boise", "America/Boise", "208"),
        new("San Diego", "America/Los_Angeles", "619"),
        new("Detroit", "America/Detroit", "313"),
        new("Indianapolis", "America/Indiana/Indianapolis", "317"),
        new("Anchorage", "America/Anchorage", "907"),
        new("Honolulu", "Pacific/Honolulu", "808"),
        new("Miami", "America/New_York", "305"),
        new("Austin", "America/Chicago", "512"),
        new("Albuquerque", "America/Denver", "505"),
        new("Portland", "America/Los_Angeles", "503"),
        new("Philadelphia", "America/New_York", "215"),
        new("Nashville", "America/Chicago", "615"),
        new("Las Vegas", "America/Los_Angeles", "702"),
    ];

    /// <summary>Second, third, ... clinics in a city are told apart by their neighbourhood.</summary>
    public static readonly string[] Neighbourhoods =
    [
        "Downtown", "Northside", "Riverside", "Westgate", "Lakeview", "Midtown", "Eastside", "Southpark",
    ];

    public static readonly string[] FirstNames =
    [
        "Aaliyah", "Aiden", "Alicia", "Amir", "Ana", "Andre", "Ava", "Ben", "Bianca", "Caleb", "Camila", "Carlos",
        "Chloe", "Chris", "Dana", "Daniel", "Deja", "Diego", "Elena", "Eli", "Emily", "Ethan", "Fatima", "Gabe",
        "Grace", "Hana", "Hector", "Imani", "Isaac", "Jade", "James", "Jasmine", "Jin", "Jordan", "Kayla", "Kenji",
        "Laura", "Leo", "Lucia", "Luis", "Maya", "Mei", "Marcus", "Maria", "Mason", "Nadia", "Noah", "Olivia",
        "Omar", "Priya", "Quinn", "Rachel", "Ravi", "Rosa", "Ryan", "Sam", "Sara", "Sofia", "Tariq", "Tom",
        "Uma", "Victor", "Wen", "Yusuf", "Zoe",
    ];

    public static readonly string[] LastNames =
    [
        "Adams", "Ahmed", "Alvarez", "Baker", "Bennett", "Brooks", "Campbell", "Chen", "Clark", "Cruz", "Davis",
        "Diaz", "Edwards", "Evans", "Fischer", "Flores", "Garcia", "Gonzalez", "Gray", "Green", "Hall", "Harris",
        "Hughes", "Ito", "Jackson", "Johnson", "Kaur", "Kim", "Kowalski", "Lee", "Lewis", "Lopez", "Martin",
        "Mendez", "Miller", "Moore", "Murphy", "Nguyen", "Novak", "Okafor", "Ortiz", "Park", "Patel", "Perez",
        "Price", "Reed", "Reyes", "Rivera", "Roberts", "Ruiz", "Sanchez", "Scott", "Shah", "Silva", "Singh",
        "Smith", "Tanaka", "Taylor", "Thomas", "Torres", "Turner", "Walker", "Ward", "Wong", "Young",
    ];

    /// <summary>Conditions seen in outpatient PT, weighted roughly by how often they come through the door.</summary>
    public static readonly WeightedChoice<SyntheticCondition> Conditions = new(
        (new("low back pain", "lumbar spine"), 16),
        (new("lumbar disc herniation", "lumbar spine"), 5),
        (new("sciatica", "lumbar spine"), 5),
        (new("neck pain", "cervical spine"), 9),
        (new("whiplash", "cervical spine"), 3),
        (new("mid-back strain", "thoracic spine"), 3),
        (new("rotator cuff tendinopathy", "shoulder"), 7),
        (new("frozen shoulder", "shoulder"), 3),
        (new("shoulder surgery rehab", "shoulder"), 3),
        (new("tennis elbow", "elbow"), 3),
        (new("carpal tunnel syndrome", "wrist"), 2),
        (new("hip osteoarthritis", "hip"), 4),
        (new("hip replacement rehab", "hip"), 3),
        (new("knee replacement rehab", "knee"), 5),
        (new("ACL reconstruction rehab", "knee"), 3),
        (new("patellofemoral pain", "knee"), 5),
        (new("meniscus tear", "knee"), 3),
        (new("hamstring strain", "thigh"), 3),
        (new("ankle sprain", "ankle"), 5),
        (new("Achilles tendinopathy", "ankle"), 2),
        (new("plantar fasciitis", "foot"), 4));

    public static readonly WeightedChoice<string> ReferralSources = new(
        ("physician", 35),
        ("orthopedic surgeon", 20),
        ("self-referral", 20),
        ("chiropractor", 7),
        ("friend or family", 7),
        ("sports medicine", 6),
        ("insurance network", 5));

    /// <summary>The rhythm a maintenance patient settles into when the episode sets none (days).</summary>
    public static readonly WeightedChoice<int> MaintenanceRhythms = new((14, 25), (21, 40), (28, 35));

    /// <summary>Custom maintenance intervals a therapist writes on an episode (days).</summary>
    public static readonly WeightedChoice<int> CustomMaintenanceIntervals = new((14, 35), (21, 30), (35, 20), (42, 15));

    public static readonly WeightedChoice<string?> PreferredChannels = new(("sms", 45), ("phone", 20), ("email", 20), (null, 15));
}

/// <summary>Where a synthetic clinic is: its city, IANA time zone and telephone area code.</summary>
internal sealed record SyntheticCity(string Name, string TimeZone, string AreaCode);

/// <summary>A reason for an acute phase: the condition and the body region it is filed under.</summary>
internal sealed record SyntheticCondition(string Condition, string BodyRegion);
