using FamilyServices.Web.Domain;

namespace FamilyServices.Benchmarks.Catalogue;

/// <summary>A programme theme in the three content languages, with what it usually is and for whom.</summary>
internal sealed record Topic(
    string De, string En, string Tr, string Category, ProgrammeType Type, Audience Audience, int MinAgeMonths, int MaxAgeMonths);

/// <summary>Words that make one programme's title differ from another's on the same theme.</summary>
internal sealed record Qualifier(string De, string En, string Tr);

/// <summary>A category of the tree: code, parent code and its names in de, en, tr.</summary>
internal sealed record CategoryWords(string Code, string? Parent, string De, string En, string Tr);

/// <summary>
/// The vocabulary of the generated city "Benchstadt": enough themes and qualifiers that titles repeat only
/// now and then and text search has real work (common words match hundreds of programmes, rare ones a few).
/// </summary>
internal static class CatalogueWords
{
    public static readonly CategoryWords[] Categories =
    [
        new("family-life", null, "Familienleben", "Family life", "Aile hayatı"),
        new("parent-meetings", "family-life", "Elterntreffs", "Parent meetings", "Ebeveyn buluşmaları"),
        new("family-meals", "family-life", "Gemeinsam essen", "Family meals", "Aile yemekleri"),
        new("early-years", null, "Frühe Kindheit", "Early years", "Erken çocukluk"),
        new("baby-groups", "early-years", "Babygruppen", "Baby groups", "Bebek grupları"),
        new("toddler-groups", "early-years", "Krabbel- und Spielgruppen", "Toddler groups", "Oyun grupları"),
        new("movement", null, "Bewegung und Sport", "Movement and sport", "Hareket ve spor"),
        new("swimming", "movement", "Schwimmen", "Swimming", "Yüzme"),
        new("gymnastics", "movement", "Turnen", "Gymnastics", "Jimnastik"),
        new("dance", "movement", "Tanz", "Dance", "Dans"),
        new("ball-games", "movement", "Ballspiele", "Ball games", "Top oyunları"),
        new("learning", null, "Lernen und Sprache", "Learning and language", "Öğrenme ve dil"),
        new("language-support", "learning", "Sprachförderung", "Language support", "Dil desteği"),
        new("homework", "learning", "Hausaufgaben", "Homework", "Ödev"),
        new("reading", "learning", "Lesen", "Reading", "Okuma"),
        new("stem", "learning", "Forschen und Programmieren", "Science and coding", "Bilim ve kodlama"),
        new("arts", null, "Musik und Kreatives", "Music and arts", "Müzik ve sanat"),
        new("music", "arts", "Musik", "Music", "Müzik"),
        new("crafts", "arts", "Malen und Basteln", "Arts and crafts", "El sanatları"),
        new("theatre", "arts", "Theater", "Theatre", "Tiyatro"),
        new("counselling", null, "Beratung und Hilfe", "Counselling and help", "Danışmanlık ve destek"),
        new("parenting-advice", "counselling", "Erziehungsberatung", "Parenting advice", "Ebeveyn danışmanlığı"),
        new("early-help", "counselling", "Frühe Hilfen", "Early help", "Erken destek"),
        new("health", null, "Gesundheit", "Health", "Sağlık"),
        new("first-aid", "health", "Erste Hilfe", "First aid", "İlk yardım"),
        new("pregnancy", "health", "Schwangerschaft und Geburt", "Pregnancy and birth", "Hamilelik ve doğum"),
    ];

    public static readonly Topic[] Topics =
    [
        new("Schwimmkurs", "Swimming course", "Yüzme kursu", "swimming", ProgrammeType.Course, Audience.Children, 48, 120),
        new("Mutter-Kind-Schwimmen", "Parent and baby swimming", "Anne-bebek yüzmesi", "swimming", ProgrammeType.MovementAndSport, Audience.Families, 3, 36),
        new("Elterncafé", "Parents' café", "Ebeveyn kafesi", "parent-meetings", ProgrammeType.OpenMeeting, Audience.Parents, 0, 216),
        new("Familienfrühstück", "Family breakfast", "Aile kahvaltısı", "family-meals", ProgrammeType.OpenMeeting, Audience.Families, 0, 144),
        new("Kochen mit Kindern", "Cooking with children", "Çocuklarla yemek pişirme", "family-meals", ProgrammeType.Workshop, Audience.Families, 48, 144),
        new("Kinderturnen", "Children's gymnastics", "Çocuk jimnastiği", "gymnastics", ProgrammeType.MovementAndSport, Audience.Children, 24, 84),
        new("Bewegungsbaustelle", "Movement playground", "Hareket parkuru", "gymnastics", ProgrammeType.MovementAndSport, Audience.Children, 18, 72),
        new("Tanzen für Kinder", "Dance for children", "Çocuklar için dans", "dance", ProgrammeType.MovementAndSport, Audience.Children, 48, 144),
        new("Fußball-AG", "Football club", "Futbol takımı", "ball-games", ProgrammeType.MovementAndSport, Audience.Children, 60, 168),
        new("Sprachförderung", "Language support", "Dil desteği", "language-support", ProgrammeType.LearningSupport, Audience.Children, 36, 120),
        new("Deutschkurs für Eltern", "German course for parents", "Ebeveynler için Almanca kursu", "language-support", ProgrammeType.Course, Audience.Parents, 0, 216),
        new("Hausaufgabenhilfe", "Homework help", "Ödev yardımı", "homework", ProgrammeType.LearningSupport, Audience.Children, 72, 168),
        new("Lernwerkstatt Mathe", "Maths workshop", "Matematik atölyesi", "homework", ProgrammeType.LearningSupport, Audience.Children, 84, 168),
        new("Vorlesestunde", "Story time", "Masal saati", "reading", ProgrammeType.ChildClass, Audience.Children, 24, 96),
        new("Programmieren für Kids", "Coding for kids", "Çocuklar için kodlama", "stem", ProgrammeType.Workshop, Audience.Children, 96, 168),
        new("Forscherclub", "Young scientists' club", "Küçük bilim insanları kulübü", "stem", ProgrammeType.Workshop, Audience.Children, 60, 132),
        new("Musikgarten", "Music garden", "Müzik bahçesi", "music", ProgrammeType.ChildClass, Audience.Families, 12, 60),
        new("Trommelkurs", "Drumming course", "Davul kursu", "music", ProgrammeType.Course, Audience.Children, 72, 168),
        new("Malen und Basteln", "Painting and crafts", "Resim ve el işi", "crafts", ProgrammeType.Workshop, Audience.Children, 36, 144),
        new("Theatergruppe", "Theatre group", "Tiyatro grubu", "theatre", ProgrammeType.ChildClass, Audience.Children, 72, 168),
        new("Krabbelgruppe", "Toddler group", "Emekleme grubu", "toddler-groups", ProgrammeType.OpenMeeting, Audience.Families, 6, 24),
        new("Eltern-Kind-Gruppe", "Parent and child group", "Anne-çocuk grubu", "toddler-groups", ProgrammeType.OpenMeeting, Audience.Families, 12, 48),
        new("Waldspielgruppe", "Forest playgroup", "Orman oyun grubu", "toddler-groups", ProgrammeType.ChildClass, Audience.Children, 24, 72),
        new("PEKiP-Gruppe", "PEKiP baby group", "PEKiP bebek grubu", "baby-groups", ProgrammeType.ParentEducation, Audience.Families, 0, 12),
        new("Babymassage", "Baby massage", "Bebek masajı", "baby-groups", ProgrammeType.Workshop, Audience.Parents, 1, 12),
        new("Stillgruppe", "Breastfeeding group", "Emzirme grubu", "pregnancy", ProgrammeType.ParentEducation, Audience.Parents, 0, 12),
        new("Yoga für Schwangere", "Pregnancy yoga", "Hamile yogası", "pregnancy", ProgrammeType.MovementAndSport, Audience.Parents, 0, 0),
        new("Erste Hilfe am Kind", "First aid for children", "Çocuklarda ilk yardım", "first-aid", ProgrammeType.ParentEducation, Audience.Parents, 0, 144),
        new("Erziehungsberatung", "Parenting counselling", "Ebeveyn danışmanlığı", "parenting-advice", ProgrammeType.Counselling, Audience.Parents, 0, 216),
        new("Sprechstunde Frühe Hilfen", "Early help consultation", "Erken destek görüşmesi", "early-help", ProgrammeType.EarlyHelp, Audience.Parents, 0, 36),
        new("Starke Eltern – starke Kinder", "Strong parents, strong children", "Güçlü ebeveynler, güçlü çocuklar", "parenting-advice", ProgrammeType.ParentEducation, Audience.Parents, 0, 216),
        new("Schach für Kinder", "Chess for children", "Çocuklar için satranç", "stem", ProgrammeType.Workshop, Audience.Children, 72, 168),
    ];

    public static readonly Qualifier[] Qualifiers =
    [
        new("für Anfänger", "for beginners", "yeni başlayanlar için"),
        new("für Fortgeschrittene", "for advanced learners", "ileri seviye"),
        new("am Vormittag", "in the morning", "sabah grubu"),
        new("am Nachmittag", "in the afternoon", "öğleden sonra"),
        new("kompakt", "compact", "kısa dönem"),
        new("intensiv", "intensive", "yoğun"),
        new("offener Treff", "drop-in", "açık buluşma"),
        new("mini", "mini", "mini"),
        new("plus", "plus", "artı"),
        new("international", "international", "uluslararası"),
        new("im Stadtteil", "in the neighbourhood", "mahallede"),
        new("am Wochenende", "at the weekend", "hafta sonu"),
        new("für Väter", "for fathers", "babalar için"),
        new("zweisprachig", "bilingual", "iki dilli"),
        new("in den Ferien", "in the holidays", "tatilde"),
        new("mit Geschwistern", "with siblings", "kardeşlerle"),
    ];

    /// <summary>Summary sentences; {0} is the theme, {1} the district.</summary>
    public static readonly (string De, string En, string Tr)[] Summaries =
    [
        ("{0} in {1}: in kleinen Gruppen mit erfahrenen Fachkräften.", "{0} in {1}: small groups led by experienced staff.", "{1} semtinde {0}: deneyimli uzmanlarla küçük gruplar."),
        ("Gemeinsam spielen, lernen und andere Familien aus {1} kennenlernen – {0}.", "Play, learn and meet other families from {1} – {0}.", "{0}: oynayın, öğrenin ve {1} semtinden diğer ailelerle tanışın."),
        ("{0} für Familien aus {1} und Umgebung, Anmeldung im Familienzentrum.", "{0} for families from {1} and nearby; sign up at the family centre.", "{1} ve çevresindeki aileler için {0}; kayıt aile merkezinde."),
        ("Ein Angebot der Familienbildung in {1}: {0} mit viel Zeit für Fragen.", "Family education in {1}: {0} with plenty of time for questions.", "{1} aile eğitimi: sorulara bolca zaman ayrılan {0}."),
        ("{0} – wöchentlich, verlässlich und mit festen Ansprechpersonen in {1}.", "{0} – weekly, reliable and with the same familiar staff in {1}.", "{0} – {1} semtinde haftalık ve düzenli."),
        ("Neu in {1}: {0}. Geschwister und Großeltern sind willkommen.", "New in {1}: {0}. Siblings and grandparents are welcome.", "{1} semtinde yeni: {0}. Kardeşler ve büyükanne-büyükbabalar da davetli."),
    ];

    public static readonly (string Description, string En, string Tr) Descriptions = (
        "Die Gruppe trifft sich regelmäßig. Bitte bequeme Kleidung und etwas zu trinken mitbringen. Bei Fragen hilft das Team vor Ort gern weiter.",
        "The group meets regularly. Please bring comfortable clothes and something to drink. The team on site is happy to answer questions.",
        "Grup düzenli olarak buluşur. Lütfen rahat kıyafetler ve içecek getirin. Sorularınız için ekibimiz yardımcı olur.");

    public static readonly string[] Districts =
    [
        "Nordstadt", "Altstadt", "Innenstadt", "Oststadt", "Hafenviertel",
        "Lindenau", "Eichwald", "Birkenfeld", "Kastanienhof", "Mühlenberg",
        "Rosental", "Am Wasserturm", "Sonnenhügel", "Buchholz", "Kirchdorf",
        "Wiesengrund", "Schlossberg", "Südstadt", "Weststadt", "Ölmühle",
    ];

    public static readonly (string Code, string Name, OrganisationKind Kind)[] Organisations =
    [
        ("jugendamt", "Stadt Benchstadt – Jugendamt", OrganisationKind.MunicipalDepartment),
        ("familienbuero", "Stadt Benchstadt – Familienbüro", OrganisationKind.MunicipalDepartment),
        ("awo", "AWO Kreisverband Benchstadt", OrganisationKind.WelfareAssociation),
        ("caritas", "Caritasverband Benchstadt", OrganisationKind.WelfareAssociation),
        ("diakonie", "Diakonisches Werk Benchstadt", OrganisationKind.WelfareAssociation),
        ("drk", "DRK Kreisverband Benchstadt", OrganisationKind.WelfareAssociation),
        ("paritaet", "Der Paritätische Benchstadt", OrganisationKind.WelfareAssociation),
        ("kita-eigenbetrieb", "Kita-Eigenbetrieb Benchstadt", OrganisationKind.ChildcareProvider),
        ("kinderland", "Kinderland gGmbH", OrganisationKind.ChildcareProvider),
        ("stadtbibliothek", "Stadtbibliothek Benchstadt", OrganisationKind.Library),
        ("gesundheitsamt", "Gesundheitsamt Benchstadt", OrganisationKind.HealthService),
        ("hebammen", "Hebammenzentrum Benchstadt", OrganisationKind.HealthService),
        ("tus", "TuS Benchstadt 1898", OrganisationKind.SportsClub),
        ("sv-eichwald", "SV Eichwald", OrganisationKind.SportsClub),
        ("schwimmverein", "Schwimmverein Benchstadt", OrganisationKind.SportsClub),
        ("musikschule", "Städtische Musikschule", OrganisationKind.CulturalInstitution),
        ("jugendkunstschule", "Jugendkunstschule Benchstadt", OrganisationKind.CulturalInstitution),
        ("vhs", "Volkshochschule Benchstadt", OrganisationKind.Other),
        ("gs-nord", "Grundschulverbund Nord", OrganisationKind.School),
        ("gs-sued", "Grundschulverbund Süd", OrganisationKind.School),
        ("tuerk-elternverein", "Türkischer Elternverein Benchstadt", OrganisationKind.Other),
        ("migrationsdienst", "Migrationsberatung Benchstadt", OrganisationKind.Other),
    ];

    public static readonly (CentreType Type, string De, string Operator)[] CentreKinds =
    [
        (CentreType.FamilyCentre, "Familienzentrum", "jugendamt"),
        (CentreType.FamilyCentre, "Familienzentrum", "awo"),
        (CentreType.FamilyCentre, "Familienzentrum", "caritas"),
        (CentreType.ChildCentre, "Kinder- und Familienzentrum", "diakonie"),
        (CentreType.Kita, "Kita", "kita-eigenbetrieb"),
        (CentreType.Kita, "Kita", "kinderland"),
        (CentreType.Kita, "Kita", "drk"),
        (CentreType.Kita, "Kita", "paritaet"),
        (CentreType.School, "Grundschule", "gs-nord"),
        (CentreType.School, "Grundschule", "gs-sued"),
        (CentreType.Library, "Stadtteilbibliothek", "stadtbibliothek"),
        (CentreType.CommunityCentre, "Nachbarschaftstreff", "paritaet"),
        (CentreType.CommunityCentre, "Bürgerhaus", "jugendamt"),
    ];

    public static readonly string[] CentreNames =
    [
        "Regenbogen", "Sonnenschein", "Pusteblume", "Kunterbunt", "Löwenzahn", "Abenteuerland", "Sternschnuppe",
        "Arche", "Spatzennest", "Wirbelwind", "Lindenhof", "Am Park", "Am Markt", "Kleine Strolche", "Villa Kunterbunt",
        "Schatzkiste", "Mühlenbach", "Zauberwald", "Gänseblümchen", "Buntstift",
    ];

    public static readonly string[] Streets =
    [
        "Lindenstraße", "Hauptstraße", "Schulstraße", "Gartenweg", "Am Bahnhof", "Bergstraße", "Kirchplatz", "Rosenweg",
        "Mühlenweg", "Parkallee", "Goethestraße", "Schillerstraße", "Ringstraße", "Wiesenweg", "Marktstraße", "Eichendorffweg",
        "Kastanienallee", "Birkenweg", "Friedhofstraße", "Uferstraße", "Ölmühlenweg", "Brunnenstraße",
    ];

    public static readonly string[] RoomNames = ["Gruppenraum", "Bewegungsraum", "Elterncafé", "Werkraum", "Saal", "Bibliothek"];

    public static readonly string[] CancellationNotes =
    [
        "Fällt aus: Die Kursleitung ist erkrankt.", "Fällt aus: zu wenige Anmeldungen.", "Fällt aus: Der Raum wird renoviert.",
    ];

    /// <summary>Delivery languages besides German and how often a programme offers them.</summary>
    public static readonly (string Language, double Share)[] ExtraDeliveryLanguages =
    [
        ("tr", 0.22), ("en", 0.15), ("ar", 0.10), ("ru", 0.07), ("uk", 0.07), ("pl", 0.05),
    ];
}
