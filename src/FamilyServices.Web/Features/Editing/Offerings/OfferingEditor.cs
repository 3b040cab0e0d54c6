using System.Security.Claims;
using FamilyServices.Web.Data;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Accounts;
using FamilyServices.Web.Features.Catalogue.Search;
using FamilyServices.Web.Features.Editing.Programmes;
using FamilyServices.Web.Features.Editing.Proposals;
using FamilyServices.Web.Features.Editing.Shared;
using FamilyServices.Web.Platform;
using FamilyServices.Web.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace FamilyServices.Web.Features.Editing.Offerings;

public sealed record RoomChoice(int Id, string Name);

/// <summary>
/// An offering (stored, or about to be created for a programme) as its edit page shows it, with the choices this
/// user has: decided by <see cref="OfferingEditor"/> with the account as the database knows it now.
/// </summary>
public sealed record OfferingView
{
    /// <summary>Null for a new offering.</summary>
    public int? Id { get; init; }

    public string? Code { get; init; }
    public required int ProgrammeId { get; init; }
    public required string ProgrammeTitle { get; init; }
    public PublicationState State { get; init; }
    public uint Version { get; init; }
    public string? Window { get; init; }

    /// <summary>The status as stored: saving a form that turns it to "cancelled" is confirmed first.</summary>
    public OfferingStatus? StoredStatus { get; init; }

    public IReadOnlyList<WorkflowStep> Steps { get; init; } = [];

    /// <summary>Centre staff propose changes (e.g. to the schedule) for an editor to approve, besides editing their offerings.</summary>
    public bool MayPropose { get; init; }

    /// <summary>The centres this user may place the offering at: editors all, centre staff their own.</summary>
    public IReadOnlyList<CentreChoice> Centres { get; init; } = [];

    /// <summary>The rooms of the centre chosen in <see cref="Form"/>.</summary>
    public IReadOnlyList<RoomChoice> Rooms { get; init; } = [];

    public required OfferingForm Form { get; init; }
}

/// <summary>
/// The offering editor's rules, which the interactive page only shows and forwards: centre staff create and edit
/// their own centres' offerings (another centre's offering is "not found"), only editors publish, archive and restore;
/// a save keeps the future sessions in step with the schedule (<see cref="OfferingSessions"/>) in the same transaction.
/// Every method takes the principal <see cref="CurrentStaff"/> built just now and checks it again.
/// </summary>
public sealed class OfferingEditor(IDbContextFactory<FamilyServicesDb> dbFactory, CurrentCity currentCity, TimeProvider clock,
    SearchChoices searchChoices, IStringLocalizer<Text> t)
{
    /// <summary>A stored offering as <paramref name="user"/> may see it, or null when it does not exist for them.</summary>
    public async Task<OfferingView?> LoadAsync(ClaimsPrincipal user, int id)
    {
        var city = await currentCity.GetAsync();
        var zone = EditorForms.Zone(city.TimeZone);
        await using var db = await dbFactory.CreateDbContextAsync();
        var offering = await db.Offerings.AsNoTracking().Include(o => o.Programme).ThenInclude(p => p.Texts).SingleOrDefaultAsync(o => o.Id == id);
        // Another centre's offering is "not found" for centre staff, as its sessions are.
        if (offering is null || !user.MayEditCentreItems(offering.CentreId)) return null;
        var form = OfferingForm.From(offering, zone);
        return new OfferingView
        {
            Id = offering.Id,
            Code = offering.Code,
            ProgrammeId = offering.ProgrammeId,
            ProgrammeTitle = offering.Programme.TextIn(Localization.CurrentLanguage, city.DefaultLanguage)?.Title ?? offering.Programme.Code,
            State = offering.PublicationState,
            Version = offering.Version,
            Window = EditorForms.WindowText(t, offering.PublishFrom, offering.PublishUntil, zone),
            StoredStatus = offering.Status,
            Steps = PublicationWorkflow.StepsFor(user, offering.PublicationState, user.CentreIds().Contains(offering.CentreId)),
            MayPropose = ProposalDecisions.MayPropose(user) && !user.IsEditor(),
            Centres = await CentreChoices.ForAsync(db, user),
            Rooms = await RoomsAsync(db, user, form.ChosenCentreId),
            Form = form,
        };
    }

    /// <summary>A new offering of a programme that <paramref name="user"/> may see, with the usual defaults; null when the programme does not exist for them.</summary>
    public async Task<OfferingView?> NewAsync(ClaimsPrincipal user, int programmeId)
    {
        var city = await currentCity.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync();
        var programme = await db.Programmes.AsNoTracking().Include(p => p.Texts).VisibleTo(user).SingleOrDefaultAsync(p => p.Id == programmeId);
        if (programme is null) return null;
        var centres = await CentreChoices.ForAsync(db, user);
        var today = EditorForms.Today(clock, EditorForms.Zone(city.TimeZone));
        var form = new OfferingForm
        {
            CentreId = centres.Count == 1 ? EditorForms.Id(centres[0].Id) : "",
            StartDate = EditorForms.DateValue(today),
            EndDate = EditorForms.DateValue(today.AddMonths(3)),
            StartTime = "10:00",
            EndTime = "11:30",
        };
        return new OfferingView
        {
            ProgrammeId = programme.Id,
            ProgrammeTitle = programme.TextIn(Localization.CurrentLanguage, city.DefaultLanguage)?.Title ?? programme.Code,
            Centres = centres,
            Rooms = await RoomsAsync(db, user, form.ChosenCentreId),
            Form = form,
        };
    }

    /// <summary>The rooms of a centre the user may place offerings at (none for another centre).</summary>
    public async Task<IReadOnlyList<RoomChoice>> RoomsAsync(ClaimsPrincipal user, int? centreId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await RoomsAsync(db, user, centreId);
    }

    /// <summary>The form's problems that need no database, as the user types (the same check the save makes).</summary>
    public async Task<List<FormProblem>> CheckAsync(OfferingForm form, OfferingView view)
    {
        var city = await currentCity.GetAsync();
        return form.Validate(t, EditorForms.Zone(city.TimeZone), view.Centres.Select(c => c.Id).ToList(), view.Rooms.Select(r => r.Id).ToList());
    }

    /// <summary>
    /// Creates an offering of <paramref name="programmeId"/> (<paramref name="id"/> null) or saves one, and brings its
    /// future sessions in step with the schedule: both in one transaction. Refused when someone saved the offering
    /// since <see cref="OfferingForm.Version"/> was read.
    /// </summary>
    public async Task<SaveResult> SaveAsync(ClaimsPrincipal user, int? id, int programmeId, OfferingForm form)
    {
        var city = await currentCity.GetAsync();
        var zone = EditorForms.Zone(city.TimeZone);
        await using var db = await dbFactory.CreateForAsync(user);
        Offering? offering = null;
        string programmeCode;
        if (id is { } existing)
        {
            offering = await db.Offerings.Include(o => o.Programme).SingleOrDefaultAsync(o => o.Id == existing);
            if (offering is null || !user.MayEditCentreItems(offering.CentreId)) return SaveResult.NotFound(t["NotFoundText"]);
            programmeCode = offering.Programme.Code;
        }
        else
        {
            var programme = await db.Programmes.AsNoTracking().VisibleTo(user).Where(p => p.Id == programmeId).Select(p => p.Code).SingleOrDefaultAsync();
            if (programme is null) return SaveResult.NotFound(t["NotFoundText"]);
            programmeCode = programme;
        }

        var centres = await CentreChoices.ForAsync(db, user);
        var rooms = await RoomsAsync(db, user, form.ChosenCentreId);
        var problems = form.Validate(t, zone, centres.Select(c => c.Id).ToList(), rooms.Select(r => r.Id).ToList());
        var code = form.CleanCode;
        var ownId = id ?? 0;
        if (code.Length > 0 && problems.All(p => p.Field != "code") && await db.Offerings.AnyAsync(o => o.Id != ownId && o.Code == code))
        {
            problems.Add(new FormProblem("code", t["EditCodeTaken", code]));
        }
        uint version = 0;
        if (offering is not null && !EditorForms.TryVersion(form.Version, out version)) problems.Add(new FormProblem("code", t["EditReload"]));
        if (problems.Count > 0) return SaveResult.Invalid(problems);

        if (code.Length == 0) code = await NewCodeAsync(db, programmeCode);
        var previousStatus = offering?.Status;
        var previousNote = offering?.StatusNote;
        offering ??= new Offering
        {
            Code = code, ProgrammeId = programmeId, PublicationState = PublicationState.Draft,
            Schedule = Schedule.OnDates([EditorForms.Today(clock, zone)], default, default),
        };
        form.ApplyTo(offering, code);
        if (id is null) db.Offerings.Add(offering);
        else CatalogueSaves.ExpectVersion(db, offering, version);

        OfferingSessions.Result? sessions = null;
        CatalogueSaves.Refusal? refusal;
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            refusal = await CatalogueSaves.TrySaveChangesAsync(db);
            if (refusal is null)
            {
                var centreZone = EditorForms.Zone(centres.Single(c => c.Id == offering.CentreId).TimeZone);
                sessions = await OfferingSessions.SyncAsync(db, offering, centreZone, clock.GetUtcNow().UtcDateTime, previousStatus, previousNote);
                await transaction.CommitAsync();
            }
        }
        // A refused save aborted the transaction: who saved first is read after it ended.
        if (refusal is not null) return await CatalogueSaves.RefusedAsync<Offering>(db, refusal, id, t, zone, clock, _ => new FormProblem("code", t["EditCodeTaken", code]));
        return SaveResult.Saved(offering.Id) with { Sessions = (sessions!.Added, sessions.Removed) };
    }

    /// <summary>Takes a workflow step, if this user may take it from the state as stored now (centre staff: to review and back).</summary>
    public async Task<SaveResult> TakeStepAsync(ClaimsPrincipal user, int id, WorkflowStep step, uint version)
    {
        var city = await currentCity.GetAsync();
        await using var db = await dbFactory.CreateForAsync(user);
        var offering = await db.Offerings.SingleOrDefaultAsync(o => o.Id == id);
        if (offering is null || !user.MayEditCentreItems(offering.CentreId)) return SaveResult.NotFound(t["NotFoundText"]);
        if (PublicationWorkflow.Refusal(user, offering.PublicationState, step, user.CentreIds().Contains(offering.CentreId), t) is { } refused) return refused;

        offering.PublicationState = PublicationWorkflow.Of(step).To;
        CatalogueSaves.ExpectVersion(db, offering, version);
        if (await CatalogueSaves.TrySaveAsync<Offering>(db, id, t, EditorForms.Zone(city.TimeZone), clock, _ => new FormProblem("code", t["EditReload"])) is { } failed)
        {
            return failed;
        }
        if (PublicationWorkflow.ChangesPublicView(step)) searchChoices.Invalidate();
        return SaveResult.Saved(id);
    }

    private static async Task<IReadOnlyList<RoomChoice>> RoomsAsync(FamilyServicesDb db, ClaimsPrincipal user, int? centreId)
    {
        if (centreId is not { } id || !user.MayEditCentreItems(id)) return [];
        return (await db.Rooms.AsNoTracking().Where(r => r.CentreId == id).OrderBy(r => r.Name).Select(r => new { r.Id, r.Name }).ToListAsync())
            .Select(r => new RoomChoice(r.Id, r.Name)).ToList();
    }

    /// <summary>"KOC-BULUSMA-03": the programme's code and the next free number, at most 20 characters.</summary>
    private static async Task<string> NewCodeAsync(FamilyServicesDb db, string programmeCode)
    {
        var prefix = new string(programmeCode.ToUpperInvariant().Where(c => char.IsAsciiLetterOrDigit(c) || c == '-').Take(14).ToArray()).Trim('-');
        if (prefix.Length == 0) prefix = "OF";
        var taken = (await db.Offerings.Where(o => o.Code.StartsWith(prefix + "-")).Select(o => o.Code).ToListAsync()).ToHashSet();
        var number = 1;
        while (taken.Contains($"{prefix}-{number:00}")) number++;
        return $"{prefix}-{number:00}";
    }
}
