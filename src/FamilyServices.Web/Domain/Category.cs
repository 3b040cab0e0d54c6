namespace FamilyServices.Web.Domain;

/// <summary>A node in the category tree, e.g. Workshops › Movement › Zumba.</summary>
public class Category
{
    public int Id { get; set; }

    /// <summary>Its id in the open data (HSDS): a UUID that never changes, also across imports and demo reloads.</summary>
    public Guid OpenDataId { get; set; } = Guid.NewGuid();
    public required string Code { get; set; }
    public int? ParentId { get; set; }
    public Category? Parent { get; set; }
    public List<Category> Children { get; set; } = [];
    public List<CategoryName> Names { get; set; } = [];

    /// <summary>PostgreSQL's row version (xmin), for optimistic concurrency.</summary>
    public uint Version { get; set; }
}

public class CategoryName
{
    public int CategoryId { get; set; }
    public required string Language { get; set; }
    public required string Name { get; set; }
}
