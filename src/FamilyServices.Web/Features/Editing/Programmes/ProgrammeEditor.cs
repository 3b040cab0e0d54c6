using System.Globalization;
using System.Security.Claims;
using FamilyServices.Web.Data;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Accounts;
using FamilyServices.Web.Features.Catalogue.Search;
using FamilyServices.Web.Features.Editing.Proposals;
using FamilyServices.Web.Features.Editing.Shared;
using FamilyServices.Web.Platform;
using FamilyServices.Web.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace FamilyServices.Web.Features.Editing.Programmes;

/// <summary>A category as the editor's list offers it: parents before their children, indented by depth.</summary>
public sealed record CategoryChoice(int Id, string Name, int Depth);

/// <summary>
/// A stored programme as its edit page shows it, and what this user may do with it: decided by
/// <see cref="ProgrammeEditor.LoadAsync"/> with the account as the database knows it now.
/// </summary>
public sealed record ProgrammeView
{
    public required int Id { get; init; }
    public required string Code { get; init; }
    public required string Slug { get; init; }

    /// <summary>The title in the reader's language, else the city's, else the code.</summary>
    public required string Heading { get; init; }

    public required PublicationState State { get; init; }
    public required uint Version { get; init; }
    public DateOnly? LastCheckedOn { get; init; }

    /// <summary>The publication window in words, or null.</summary>
    public string? Window { get; init; }

    /// <summary>The public sees it now (published, inside its window).</summary>
    public bool IsPublic { get; init; }

    /// <summary>The workflow steps this user may take from the stored state.</summary>
    public IReadOnlyList<WorkflowStep> Steps { get; init; } = [];

    /// <summary>Change the programme's fields and texts: editors only.</summary>
    public bool MayEdit { get; init; }

    /// <summary>Confirm that it is still correct: editors, and staff of a centre running it.</summary>
    public bool MayConfirm { get; init; }

    public bool MayAddOffering { get; init; }
    public bool MayReadHistory { get; init; }

    /// <summary>Centre staff propose changes to what only editors change.</summary>
    public bool MayPropose { get; init; }

    /// <summary>The stored values, ready to edit.</summary>
    public required ProgrammeForm Form { get; init; }
}

/// <summary>
/// The programme editor's rules, which the interactive page only shows and forwards: what a user may see and do,
/// validation with the database's checks (code and web address taken), saves with optimistic concurrency, the
/// publication workflow and "still correct". Every method takes the principal <see cref="CurrentStaff"/> built just
/// now, checks it again, and opens its own context; saves credit that user in the history (CreateForAsync).
/// </summary>
public sealed class ProgrammeEditor(IDbContextFactory<FamilyServicesDb> dbFactory, CurrentCity currentCity, TimeProvider clock,
    SearchChoices searchChoices, IStringLocalizer<Text> t)
{
    /// <summary>The programme as <paramref name="user"/> may see it, or null when it does not exist for them.</summary>
    public async Task<ProgrammeView?> LoadAsync(ClaimsPrincipal user, int id)
    {
        var city = await currentCity.GetAsync();
        var zone = EditorForms.Zone(city.TimeZone);
        await using var db = await dbFactory.CreateDbContextAsync();
        // Centre staff reach only the programmes running at their centres; the others do not exist for them.
        var programme = await db.Programmes.AsNoTracking().Include(p => p.Texts).VisibleTo(user).AsSplitQuery().SingleOrDefaultAsync(p => p.Id == id);
        if (programme is null) return null;

        var isEditor = user.IsEditor();
        var runsAtUsersCentre = await ProgrammeAccess.RunsAtUsersCentreAsync(db, id, user);

        return new ProgrammeView
        {
            Id = programme.Id,
            Code = programme.Code,
            Slug = programme.Slug,
            Heading = programme.TextIn(Localization.CurrentLanguage, city.DefaultLanguage)?.Title ?? programme.Code,
            State = programme.PublicationState,
            Version = programme.Version,
            LastCheckedOn = programme.LastCheckedOn,
            Window = EditorForms.WindowText(t, programme.PublishFrom, programme.PublishUntil, zone),
            IsPublic = Publication.IsPublic(programme.PublicationState, programme.PublishFrom, programme.PublishUntil, clock.GetUtcNow().UtcDateTime),
            Steps = PublicationWorkflow.StepsFor(user, programme.PublicationState, runsAtUsersCentre),
            MayEdit = isEditor,
            MayConfirm = isEditor || runsAtUsersCentre,
            MayAddOffering = isEditor || user.CentreIds().Count > 0,
            MayReadHistory = isEditor,
            MayPropose = ProposalDecisions.MayPropose(user) && !isEditor,
            Form = ProgrammeForm.From(programme, zone),
        };
    }

    /// <summary>A new programme's form with the usual defaults, or null when <paramref name="user"/> may not create programmes.</summary>
    public async Task<ProgrammeForm?> NewFormAsync(ClaimsPrincipal user)
    {
        if (!user.IsEditor()) return null;
        var city = await currentCity.GetAsync();
        return new ProgrammeForm
        {
            LastCheckedOn = EditorForms.DateValue(EditorForms.Today(clock, EditorForms.Zone(city.TimeZone))),
            DeliveryLanguages = [city.DefaultLanguage],
            ForChildren = true,
        };
    }

    /// <summary>The category tree in the UI language (else the city's), parents before their children.</summary>
    public async Task<IReadOnlyList<CategoryChoice>> CategoriesAsync()
    {
        var language = Localization.CurrentLanguage;
        var fallback = (await currentCity.GetAsync()).DefaultLanguage;
        await using var db = await dbFactory.CreateDbContextAsync();
        var categories = await db.Categories.AsNoTracking()
            .Select(c => new
            {
                c.Id, c.Code, c.ParentId,
                Name = c.Names.Where(n => n.Language == language || n.Language == fallback)
                    .OrderBy(n => n.Language == language ? 0 : 1).Select(n => n.Name).FirstOrDefault(),
            })
            .ToListAsync();
        var comparer = StringComparer.Create(CultureInfo.CurrentCulture, ignoreCase: true);
        var tree = new List<CategoryChoice>();
        void AddChildren(int? parentId, int depth)
        {
            foreach (var category in categories.Where(c => c.ParentId == parentId).OrderBy(c => c.Name ?? c.Code, comparer))
            {
                tree.Add(new CategoryChoice(category.Id, category.Name ?? category.Code, depth));
                if (depth < 10) AddChildren(category.Id, depth + 1);
            }
        }
        AddChildren(null, 0);
        return tree;
    }

    /// <summary>
    /// The form's problems that need no database (the same check the save makes), as the editor types:
    /// <paramref name="categories"/> are the choices the page offers.
    /// </summary>
    public async Task<List<FormProblem>> CheckAsync(ProgrammeForm form, IReadOnlyList<CategoryChoice> categories)
    {
        var city = await currentCity.GetAsync();
        return form.Validate(t, EditorForms.Zone(city.TimeZone), categories.Select(c => c.Id).ToList(), city.DefaultLanguage);
    }

    /// <summary>The code or web address already used by another programme (checked when the editor leaves those fields, and on save).</summary>
    public async Task<List<FormProblem>> TakenAsync(ProgrammeForm form, int? programmeId)
    {
        var city = await currentCity.GetAsync();
        var known = form.Validate(t, EditorForms.Zone(city.TimeZone), [], city.DefaultLanguage);
        await using var db = await dbFactory.CreateDbContextAsync();
        return await TakenAsync(db, form, city.DefaultLanguage, programmeId, known);
    }

    private async Task<List<FormProblem>> TakenAsync(FamilyServicesDb db, ProgrammeForm form, string language, int? programmeId, IReadOnlyList<FormProblem> known)
    {
        var taken = new List<FormProblem>();
        var otherId = programmeId ?? 0;
        var code = form.CleanCode;
        var slug = form.EffectiveSlug(language);
        // Codes are unique whatever their case; the code's characters (letters, digits, "-", "_") are taken literally.
        if (known.All(p => p.Field != "code") && await db.Programmes.AnyAsync(p => p.Id != otherId && EF.Functions.ILike(p.Code, EditorForms.LikeLiterally(code))))
        {
            taken.Add(new FormProblem("code", t["EditCodeTaken", code]));
        }
        if (known.All(p => p.Field != "slug") && await db.Programmes.Where(p => p.Id != otherId && p.Slug == slug).Select(p => p.Code).FirstOrDefaultAsync() is { } owner)
        {
            taken.Add(new FormProblem("slug", t["EditSlugTaken", slug, owner]));
        }
        return taken;
    }

    /// <summary>
    /// Creates (<paramref name="id"/> null) or saves a programme: editors only. Everything is checked again here; the
    /// save is refused when someone saved the programme since <see cref="ProgrammeForm.Version"/> was read.
    /// </summary>
    public async Task<SaveResult> SaveAsync(ClaimsPrincipal user, int? id, ProgrammeForm form)
    {
        if (!user.IsEditor()) return SaveResult.Refused(id is null ? t["EditOnlyEditorsCreate"] : t["EditReadOnlyProgramme"]);
        var city = await currentCity.GetAsync();
        var zone = EditorForms.Zone(city.TimeZone);
        await using var db = await dbFactory.CreateForAsync(user);
        Programme? programme = null;
        if (id is { } existing)
        {
            programme = await db.Programmes.Include(p => p.Texts).AsSplitQuery().SingleOrDefaultAsync(p => p.Id == existing);
            if (programme is null) return SaveResult.NotFound(t["NotFoundText"]);
        }

        var categoryIds = await db.Categories.Select(c => c.Id).ToListAsync();
        var problems = form.Validate(t, zone, categoryIds, city.DefaultLanguage);
        problems.AddRange(await TakenAsync(db, form, city.DefaultLanguage, id, problems));
        uint version = 0;
        if (programme is not null && !EditorForms.TryVersion(form.Version, out version)) problems.Add(new FormProblem("code", t["EditReload"]));
        if (problems.Count > 0) return SaveResult.Invalid(problems);

        programme ??= new Programme { Code = "", Slug = "", PublicationState = PublicationState.Draft };
        form.ApplyTo(programme, city.DefaultLanguage);
        if (id is null) db.Programmes.Add(programme);
        else CatalogueSaves.ExpectVersion(db, programme, version);
        var refused = await CatalogueSaves.TrySaveAsync<Programme>(db, id, t, zone, clock, constraint =>
            constraint.Contains("slug", StringComparison.Ordinal)
                ? new FormProblem("slug", t["EditSlugTaken", programme.Slug, "?"])
                : new FormProblem("code", t["EditCodeTaken", programme.Code]));
        return refused ?? SaveResult.Saved(programme.Id);
    }

    /// <summary>Takes a workflow step (send to review, publish, back to draft, archive, restore), if this user may take it from the state as stored now.</summary>
    public async Task<SaveResult> TakeStepAsync(ClaimsPrincipal user, int id, WorkflowStep step, uint version)
    {
        var city = await currentCity.GetAsync();
        await using var db = await dbFactory.CreateForAsync(user);
        var programme = await db.Programmes.VisibleTo(user).SingleOrDefaultAsync(p => p.Id == id);
        if (programme is null) return SaveResult.NotFound(t["NotFoundText"]);
        var runsAtUsersCentre = await ProgrammeAccess.RunsAtUsersCentreAsync(db, id, user);
        if (PublicationWorkflow.Refusal(user, programme.PublicationState, step, runsAtUsersCentre, t) is { } refusal) return refusal;

        programme.PublicationState = PublicationWorkflow.Of(step).To;
        CatalogueSaves.ExpectVersion(db, programme, version);
        if (await CatalogueSaves.TrySaveAsync<Programme>(db, id, t, EditorForms.Zone(city.TimeZone), clock, _ => new FormProblem("code", t["EditReload"])) is { } refused)
        {
            return refused;
        }
        // Every public surface reads the state on each request; only the search form's cached lists need a nudge.
        if (PublicationWorkflow.ChangesPublicView(step)) searchChoices.Invalidate();
        return SaveResult.Saved(id);
    }

    /// <summary>"Still correct": sets the date it was last checked to today (the city's), for editors and staff of a centre running it.</summary>
    public async Task<SaveResult> ConfirmStillCorrectAsync(ClaimsPrincipal user, int id, uint version)
    {
        var city = await currentCity.GetAsync();
        var zone = EditorForms.Zone(city.TimeZone);
        await using var db = await dbFactory.CreateForAsync(user);
        var programme = await db.Programmes.VisibleTo(user).SingleOrDefaultAsync(p => p.Id == id);
        if (programme is null) return SaveResult.NotFound(t["NotFoundText"]);
        if (!user.IsEditor() && !await ProgrammeAccess.RunsAtUsersCentreAsync(db, id, user)) return SaveResult.Refused(t["EditReadOnlyProgramme"]);

        programme.LastCheckedOn = EditorForms.Today(clock, zone);
        CatalogueSaves.ExpectVersion(db, programme, version);
        return await CatalogueSaves.TrySaveAsync<Programme>(db, id, t, zone, clock, _ => new FormProblem("code", t["EditReload"])) ?? SaveResult.Saved(id);
    }
}
