namespace FamilyServices.Web.Features.Accounts.Users;

/// <summary>
/// A DI scope of the portal's services for one operation of an interactive page: Identity's UserManager and the rule
/// classes built on the scoped DbContext (account changes, erasure) get a context that lives for that operation only,
/// never for the whole circuit. A singleton, so a page rendered in a test gets the portal's own services.
/// </summary>
public sealed class OperationScopes(IServiceScopeFactory scopes)
{
    public AsyncServiceScope Begin() => scopes.CreateAsyncScope();
}
