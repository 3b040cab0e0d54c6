using FamilyServices.Web.Features.Accounts.Passwords;

namespace FamilyServices.Tests.Features.Accounts.Passwords;

/// <summary>Length over complexity: long passwords of any kind pass; lists, patterns and personal words do not.</summary>
public class PasswordPolicyTests
{
    private static IReadOnlyList<string> Check(string password, string email = "ayse.demir@example.org", string name = "Ayşe Demir", string? city = "Kocaeli") =>
        PasswordPolicy.Check(password, email, name, city);

    [Theory]
    [InlineData("a long enough passphrase")]
    [InlineData("correct horse battery stapler on tuesday")]
    [InlineData("Bisiklet ile iskeleye gittik")]
    [InlineData("Zwölf Äpfel & drei Birnen")]
    [InlineData("tV9#qL2!mZ8@")]
    [InlineData("           x9Kq spaces count too")]
    public void Long_passwords_without_composition_rules_are_accepted(string password) =>
        Check(password).Should().BeEmpty();

    [Theory]
    [InlineData("passwordpassword")]
    [InlineData("Password12345!")]
    [InlineData("P4ssw0rd2024!!")]
    [InlineData("123456789012")]
    [InlineData("iloveyou1234")]
    [InlineData("ILoveYou1234")]
    [InlineData("1L0v3Y0u!!!!")]
    [InlineData("qwertyuiopasdf")]
    [InlineData("Welcome12345!")]
    [InlineData("correct horse battery staple")]
    [InlineData("Galatasaray1905")]
    [InlineData("2024Sunshine!!")]
    public void Common_and_breached_passwords_are_refused_after_normalising(string password) =>
        Check(password).Should().Contain(PasswordPolicy.Common);

    [Theory]
    [InlineData("aaaaaaaaaaaa")]
    [InlineData("123456789abc")]
    [InlineData("abcdefghijkl")]
    [InlineData("zyxwvutsrqpo")]
    [InlineData("abcabcabcabc")]
    [InlineData("aaaaaabbbbbb")]
    [InlineData("xkcdxkcdxkcdxkcd")]
    [InlineData("asdfghjklzxcvbnm1")]
    public void Repeated_characters_and_simple_sequences_are_refused(string password) =>
        Check(password).Should().IntersectWith([PasswordPolicy.Pattern, PasswordPolicy.Common], "a list entry or a pattern is a fine reason to refuse {0}", password);

    [Fact]
    public void A_pattern_that_is_not_on_the_list_is_refused_as_a_pattern()
    {
        Check("mnopqrstuvwx").Should().Equal(PasswordPolicy.Pattern);
        Check("0987654321098").Should().Contain(PasswordPolicy.Pattern);
    }

    [Theory]
    [InlineData("ayse.demir loves tea")]
    [InlineData("my name is AYSEDEMIR ok")]
    [InlineData("Demir of the green house")]
    [InlineData("D3m1r of the green house")]
    public void Passwords_containing_the_persons_name_or_address_are_refused(string password) =>
        Check(password).Should().Contain(PasswordPolicy.Personal);

    [Theory]
    [InlineData("FamilyServices rocks hard")]
    [InlineData("family services 2025 x")]
    [InlineData("kocaeli is beautiful")]
    public void Passwords_containing_the_portal_or_city_name_are_refused(string password) =>
        Check(password).Should().Contain(PasswordPolicy.PortalWord);

    [Fact]
    public void Up_to_128_characters_are_accepted_and_more_are_refused()
    {
        var words = string.Join(" ", Enumerable.Range(0, 40).Select(i => $"w{i}x"));
        Check(words[..128]).Should().BeEmpty();
        Check(words[..129]).Should().Contain(PasswordPolicy.TooLong);
    }

    [Fact]
    public void The_bundled_list_is_loaded_and_holds_a_few_hundred_entries() =>
        PasswordPolicy.ListSize.Should().BeGreaterThan(300);
}
