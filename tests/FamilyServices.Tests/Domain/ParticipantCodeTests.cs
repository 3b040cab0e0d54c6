using FamilyServices.Web.Domain;

namespace FamilyServices.Tests.Domain;

public class ParticipantCodeTests
{
    [Fact]
    public void New_codes_are_valid_and_use_no_look_alike_characters()
    {
        var random = new Random(7);
        var codes = Enumerable.Range(0, 2000).Select(_ => ParticipantCode.Create(random)).ToList();

        codes.Should().OnlyContain(code => ParticipantCode.IsValid(code));
        string.Concat(codes).Should().NotContainAny("0", "O", "1", "I", "L", "2", "Z", "5", "S", "8", "B");
    }

    [Fact]
    public void Every_single_mistyped_character_is_caught_by_the_check_character()
    {
        var code = ParticipantCode.Create(new Random(42));

        for (var position = 0; position < code.Length; position++)
        {
            foreach (var replacement in ParticipantCode.Alphabet.Where(c => c != code[position]))
            {
                var typo = code[..position] + replacement + code[(position + 1)..];
                ParticipantCode.IsValid(typo).Should().BeFalse($"'{typo}' differs from '{code}' in one place");
            }
        }
    }

    [Fact]
    public void Typed_codes_are_normalised_from_the_displayed_form()
    {
        var code = ParticipantCode.Create(new Random(3));
        var typed = "  " + ParticipantCode.Display(code).ToLowerInvariant() + " ";

        ParticipantCode.Normalize(typed).Should().Be(code);
        ParticipantCode.Normalize("not-a-code").Should().BeNull();
    }
}
