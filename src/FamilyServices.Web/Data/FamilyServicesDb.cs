using FamilyServices.Web.Domain;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Web.Data;

public class FamilyServicesDb(DbContextOptions<FamilyServicesDb> options)
    : IdentityDbContext<StaffUser, IdentityRole, string>(options), IDataProtectionKeyContext
{
    /// <summary>
    /// Who makes the changes this context saves, for the catalogue's history. Set by interactive pages, which have no
    /// HTTP request to read the user from (see <see cref="ActingAsExtensions.CreateForAsync"/>); a request's context
    /// leaves it empty and the history reads the request's user.
    /// </summary>
    public string? ActingUserId { get; set; }

    public DbSet<CityProfile> CityProfiles => Set<CityProfile>();
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<District> Districts => Set<District>();
    public DbSet<DistrictPopulation> DistrictPopulations => Set<DistrictPopulation>();
    public DbSet<Centre> Centres => Set<Centre>();
    public DbSet<Room> Rooms => Set<Room>();
    public DbSet<OpeningHours> OpeningHours => Set<OpeningHours>();
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<Programme> Programmes => Set<Programme>();
    public DbSet<ProgrammeText> ProgrammeTexts => Set<ProgrammeText>();
    public DbSet<Offering> Offerings => Set<Offering>();
    public DbSet<SearchOffering> SearchOfferings => Set<SearchOffering>();
    public DbSet<Session> Sessions => Set<Session>();
    public DbSet<Participant> Participants => Set<Participant>();
    public DbSet<Enrolment> Enrolments => Set<Enrolment>();
    public DbSet<Attendance> Attendances => Set<Attendance>();
    public DbSet<AttendanceChange> AttendanceChanges => Set<AttendanceChange>();
    public DbSet<ParticipantNickname> ParticipantNicknames => Set<ParticipantNickname>();
    public DbSet<StaffCentre> StaffCentres => Set<StaffCentre>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Postcode> Postcodes => Set<Postcode>();
    public DbSet<CatalogueChange> CatalogueChanges => Set<CatalogueChange>();
    public DbSet<EntryReport> EntryReports => Set<EntryReport>();
    public DbSet<ChangeProposal> ChangeProposals => Set<ChangeProposal>();
    public DbSet<ReachPeriod> ReachPeriods => Set<ReachPeriod>();
    public DbSet<ReachFigure> ReachFigures => Set<ReachFigure>();
    public DbSet<ReachChild> ReachChildren => Set<ReachChild>();
    public DbSet<ReachPendingParticipant> ReachPendingParticipants => Set<ReachPendingParticipant>();
    public DbSet<ReachStalePeriod> ReachStalePeriods => Set<ReachStalePeriod>();
    public DbSet<ReachOfferingMonth> ReachOfferingMonths => Set<ReachOfferingMonth>();
    public DbSet<ReachStaleOffering> ReachStaleOfferings => Set<ReachStaleOffering>();
    public DbSet<ReachSpan> ReachSpans => Set<ReachSpan>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<AuditKey> AuditKeys => Set<AuditKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // Forgiving text search (pg_trgm, unaccent) and distances (cube, earthdistance).
        builder.HasPostgresExtension("pg_trgm").HasPostgresExtension("unaccent")
            .HasPostgresExtension("cube").HasPostgresExtension("earthdistance");
        builder.ApplyConfigurationsFromAssembly(typeof(FamilyServicesDb).Assembly);
        SnakeCaseNames.Apply(builder);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name: the SQL stays readable and reordering an enum cannot corrupt data.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }
}
