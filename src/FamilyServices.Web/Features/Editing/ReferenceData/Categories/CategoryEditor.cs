using System.Security.Claims;
using FamilyServices.Web.Data;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Editing.Shared;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace FamilyServices.Web.Features.Editing.ReferenceData.Categories;

/// <summary>
/// Reading, saving and deleting a category for Editors and Admins, with the tree's rules: a category moves with its
/// branch and never under itself or one of its descendants, and is deleted only while no programme and no
/// subcategory uses it. Names in messages are in the reader's language (else the city's).
/// </summary>
public static class CategoryEditor
{
    /// <summary>The category with its names, where it sits ("Workshops › Movement") and what uses it.</summary>
    public sealed record Stored(Category Category, string Name, string Path, int Programmes, int Children);

    /// <summary>The reader's language and the city's, for names.</summary>
    public sealed record NameLanguages(string Reader, string City);

    public static async Task<Stored?> FindAsync(FamilyServicesDb db, ClaimsPrincipal user, int id, CategoryTree tree, NameLanguages languages)
    {
        if (!user.IsEditor()) return null;
        var category = await db.Categories.AsNoTracking().Include(c => c.Names).SingleOrDefaultAsync(c => c.Id == id);
        if (category is null || tree.Find(id) is not { } node) return null;
        return new Stored(category, CategoryTree.NameOf(node, languages.Reader, languages.City), tree.PathOf(id, languages.Reader, languages.City),
            node.Programmes, tree.ChildCount(id));
    }

    /// <summary>The places a category may go: every category outside its own branch (a new one: all), parents first.</summary>
    public static List<(CategoryNode Node, int Depth)> PlacesFor(CategoryTree tree, int? categoryId, NameLanguages languages) =>
        tree.Ordered(languages.Reader, languages.City).Where(c => categoryId is not { } id || !tree.IsInBranchOf(c.Node.Id, id)).ToList();

    public static async Task<ReferenceSaveResult> SaveAsync(FamilyServicesDb db, ClaimsPrincipal user, int? id, CategoryForm typed, SaveContext context, NameLanguages languages)
    {
        if (!user.IsEditor()) return ReferenceSaveResult.Refused;
        var t = context.T;
        Category? category = null;
        if (id is { } existing && (category = await db.Categories.Include(c => c.Names).SingleOrDefaultAsync(c => c.Id == existing)) is null) return ReferenceSaveResult.NotFound;
        var tree = await CategoryTree.LoadAsync(db);
        var form = typed.Normalized();
        var problems = form.Validate(t, languages.City);
        if (form.ParentIdValue is { } parentId && !problems.Has("parentId"))
        {
            var name = category is null ? "" : CategoryTree.NameOf(tree.Find(category.Id)!, languages.Reader, languages.City);
            if (tree.Find(parentId) is not { } parent) problems.Add("parentId", t["EditChooseFromList"]);
            else if (category is not null && parentId == category.Id) problems.Add("parentId", t["RefCategoryUnderItself", name]);
            else if (category is not null && tree.IsInBranchOf(parentId, category.Id))
            {
                problems.Add("parentId", t["RefCategoryCycle", name, CategoryTree.NameOf(parent, languages.Reader, languages.City)]);
            }
        }
        var otherId = category?.Id ?? 0;
        if (!problems.Has("code") && await db.Categories.AnyAsync(c => c.Id != otherId && EF.Functions.ILike(c.Code, ReferenceForms.Literal(form.Code))))
        {
            problems.Add("code", t["EditCodeTaken", form.Code]);
        }
        uint version = 0;
        if (category is not null && !ReferenceForms.TryVersion(form.Version, out version)) problems.Add("code", t["EditReload"]);
        if (problems.Count > 0) return ReferenceSaveResult.Invalid(problems);

        var item = category ?? new Category { Code = "" };
        form.ApplyTo(item);
        return await ReferenceForms.SaveAsync(db, item, category is null, version, context, c => c.Id, c => c.Version,
            _ => new FormProblem("code", t["EditCodeTaken", form.Code]));
    }

    /// <summary>
    /// Deletes the category read at <paramref name="version"/> while nothing uses it. In use: the result's one problem
    /// (on "delete") says what uses it and how to free it; changed meanwhile: a conflict naming who saved.
    /// </summary>
    public static async Task<ReferenceSaveResult> DeleteAsync(FamilyServicesDb db, ClaimsPrincipal user, int id, string version, SaveContext context, NameLanguages languages)
    {
        if (!user.IsEditor()) return ReferenceSaveResult.Refused;
        var category = await db.Categories.SingleOrDefaultAsync(c => c.Id == id);
        if (category is null) return ReferenceSaveResult.NotFound;
        if (!ReferenceForms.TryVersion(version, out var expected)) return ReferenceSaveResult.Invalid([new FormProblem("delete", context.T["EditReload"])]);
        var tree = await CategoryTree.LoadAsync(db);
        var node = tree.Find(id)!;
        var name = CategoryTree.NameOf(node, languages.Reader, languages.City);
        if (node.Programmes > 0 || tree.ChildCount(id) > 0) return InUse(context, name, node.Programmes, tree.ChildCount(id));
        db.Entry(category).Property(c => c.Version).OriginalValue = expected;
        db.Categories.Remove(category);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var who = await EditConflict.DescribeAsync(db, context.T, nameof(Category), id, context.CityZone, context.Clock);
            return new ReferenceSaveResult(ReferenceSaveStatus.Conflict, id, [], who, await ReferenceForms.CurrentVersionAsync<Category>(db, id));
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.ForeignKeyViolation })
        {
            // A programme or a subcategory was given this category between the check and the delete.
            db.ChangeTracker.Clear();
            return InUse(context, name, await db.Programmes.CountAsync(p => p.CategoryId == id), await db.Categories.CountAsync(c => c.ParentId == id));
        }
        return new ReferenceSaveResult(ReferenceSaveStatus.Deleted, id, []);
    }

    private static ReferenceSaveResult InUse(SaveContext context, string name, int programmes, int children) => ReferenceSaveResult.Invalid([new FormProblem("delete", (programmes, children) switch
    {
        ( > 0, > 0) => context.T["RefCategoryInUseBoth", name, programmes, children],
        ( > 0, _) => context.T["RefCategoryInUseProgrammes", name, programmes],
        _ => context.T["RefCategoryInUseChildren", name, children],
    })]);
}
