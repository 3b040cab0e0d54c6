namespace FamilyServices.Web.Domain;

/// <summary>
/// Draft → in review → published → archived. Only published items whose publication window is open are ever
/// shown to the public (<see cref="Publication"/>).
/// </summary>
public enum PublicationState { Draft, InReview, Published, Archived }

public enum ProposalStatus { Pending, Approved, Rejected }

public enum OrganisationKind
{
    MunicipalDepartment,
    WelfareAssociation,
    School,
    ChildcareProvider,
    HealthService,
    Library,
    SportsClub,
    CulturalInstitution,
    Other,
}

public enum CentreType { FamilyCentre, ChildCentre, Kita, School, Library, CommunityCentre }

public enum CentreStatus { Open, TemporarilyClosed }

public enum RoomKind { Classroom, WorkshopRoom, Hall, Playroom, MeetingRoom, Outdoor }

/// <summary>What kind of thing a programme is; reach figures are grouped by it.</summary>
public enum ProgrammeType
{
    /// <summary>A regular group for children, e.g. Anne yanı sınıfları.</summary>
    ChildClass,
    Workshop,
    Course,
    ParentEducation,
    Counselling,
    EarlyHelp,
    MovementAndSport,
    LearningSupport,
    /// <summary>Drop-in activities such as an Elterncafé: logged as an anonymous headcount.</summary>
    OpenMeeting,
}

[Flags]
public enum Audience { None = 0, Children = 1, Parents = 2, Families = 4 }

public enum RegistrationMode { NotNeeded, AtCentre, ByPhone, Online }

public enum OfferingStatus { Scheduled, Full, Cancelled }

public enum SessionStatus { Scheduled, Held, Cancelled }

public enum AttendanceStatus { Present, Absent, Excused }
