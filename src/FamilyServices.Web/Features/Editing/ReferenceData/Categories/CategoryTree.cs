using FamilyServices.Web.Data;
using FamilyServices.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Web.Features.Editing.ReferenceData.Categories;

/// <summary>A category as the tree shows it: its names per language and how many programmes use it.</summary>
public sealed record CategoryNode(int Id, string Code, int? ParentId, IReadOnlyDictionary<string, string> Names, int Programmes);

/// <summary>
/// The whole category tree, read at once (a city has dozens of categories, not thousands): the order the editor
/// shows, the names in a language, and the rule that a category can only move outside its own branch.
/// </summary>
public sealed class CategoryTree
{
    /// <summary>Deeper than any real tree; a guard against a loop someone made in the database by hand.</summary>
    public const int MaxDepth = 12;

    private readonly Dictionary<int, CategoryNode> _byId;
    private readonly ILookup<int?, CategoryNode> _byParent;

    private CategoryTree(List<CategoryNode> nodes)
    {
        _byId = nodes.ToDictionary(n => n.Id);
        _byParent = nodes.ToLookup(n => n.ParentId);
    }

    public static async Task<CategoryTree> LoadAsync(FamilyServicesDb db)
    {
        var rows = await db.Categories.AsNoTracking()
            .Select(c => new
            {
                c.Id, c.Code, c.ParentId,
                Names = c.Names.Select(n => new { n.Language, n.Name }).ToList(),
                Programmes = db.Programmes.Count(p => p.CategoryId == c.Id),
            })
            .ToListAsync();
        return new CategoryTree(rows.Select(r => new CategoryNode(r.Id, r.Code, r.ParentId,
            r.Names.ToDictionary(n => n.Language, n => n.Name), r.Programmes)).ToList());
    }

    public int Count => _byId.Count;

    public CategoryNode? Find(int id) => _byId.GetValueOrDefault(id);

    public IEnumerable<CategoryNode> ChildrenOf(int? id, string language, string fallback) =>
        _byParent[id].OrderBy(n => NameOf(n, language, fallback), StringComparer.CurrentCultureIgnoreCase);

    /// <summary>The name in the language, else the city's language, else any, else the code.</summary>
    public static string NameOf(CategoryNode node, string language, string fallback) =>
        node.Names.GetValueOrDefault(language) ?? node.Names.GetValueOrDefault(fallback) ?? node.Names.Values.FirstOrDefault() ?? node.Code;

    /// <summary>Every category, parents before their children, with its depth: for indented lists and choices.</summary>
    public List<(CategoryNode Node, int Depth)> Ordered(string language, string fallback)
    {
        var list = new List<(CategoryNode, int)>();
        void Add(int? parentId, int depth)
        {
            if (depth > MaxDepth) return;
            foreach (var child in ChildrenOf(parentId, language, fallback))
            {
                list.Add((child, depth));
                Add(child.Id, depth + 1);
            }
        }
        Add(null, 0);
        return list;
    }

    /// <summary>True when <paramref name="candidateId"/> is the category itself or lies anywhere below it: it cannot become its parent.</summary>
    public bool IsInBranchOf(int candidateId, int categoryId)
    {
        var seen = new HashSet<int>();
        int? current = candidateId;
        while (current is { } id && seen.Add(id))
        {
            if (id == categoryId) return true;
            current = _byId.GetValueOrDefault(id)?.ParentId;
        }
        return false;
    }

    public int ChildCount(int id) => _byParent[id].Count();

    /// <summary>The path from the top to a category, e.g. "Workshops › Movement".</summary>
    public string PathOf(int id, string language, string fallback)
    {
        var names = new List<string>();
        var seen = new HashSet<int>();
        for (var node = Find(id); node is not null && seen.Add(node.Id); node = node.ParentId is { } parent ? Find(parent) : null)
        {
            names.Insert(0, NameOf(node, language, fallback));
        }
        return string.Join(" › ", names);
    }
}
