namespace FamilyServices.Web.Features.Editing.Shared;

/// <summary>
/// Tells small components that live in another component's render tree (a tab's label inside MudTabs) that the form
/// they describe has changed: MudTabs draws its tab labels before its panels receive their new parameters, so a label
/// that only waited for its parameters would always show the previous keystroke's state.
/// </summary>
public sealed class RefreshSignal
{
    public event Action? Raised;

    public void Raise() => Raised?.Invoke();
}
