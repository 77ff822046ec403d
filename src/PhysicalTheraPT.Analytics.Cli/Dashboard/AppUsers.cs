using Microsoft.Extensions.Configuration;
using PhysicalTheraPT.Analytics.Outreach.WorkedLists;

namespace PhysicalTheraPT.Analytics.Cli.Dashboard;

/// <summary>
/// Reads section <c>Users</c>, the one list of people who sign in to the web app and the dashboard:
/// <c>Users:N:Name</c>, <c>Users:N:PasswordHash</c> (from <c>serve --hash-password</c>) or
/// <c>Users:N:Password</c>, <c>Users:N:Role</c> (<c>front_desk</c>, <c>manager</c> or <c>admin</c>),
/// <c>Users:N:Clinics</c> (clinic ids, separated by commas, or a list; an admin sees all) and, optionally,
/// <c>Users:N:Initials</c> (else the first letters of the name). Every mistake is reported at start,
/// naming the setting.
/// </summary>
internal static class AppUsers
{
    public static List<DashboardUser> Read(IConfiguration configuration)
    {
        var users = new List<DashboardUser>();
        foreach (var section in configuration.GetSection("Users").GetChildren().OrderBy(section => int.TryParse(section.Key, out var index) ? index : int.MaxValue))
        {
            var where = $"Users:{section.Key}";
            var role = section["Role"]?.Trim() ?? "";
            if (role is not (DashboardUser.FrontDeskRole or DashboardUser.ManagerRole or DashboardUser.AdminRole))
            {
                throw new UserInputException($"{where}:Role '{role}' is not a role. Use front_desk (works its clinics' lists), manager (also downloads its clinics' reports and views the jobs dashboard) or admin (every clinic, the audit, the dashboard as admin).");
            }

            var clinics = ReadClinics(section);
            if (role != DashboardUser.AdminRole && clinics.Count == 0)
            {
                throw new UserInputException($"{where}:Clinics is empty: a {role} user needs the ids of the clinics they work for, e.g. PTA_Users__{section.Key}__Clinics=C01,C02 (an admin sees every clinic).");
            }

            var name = section["Name"] ?? "";
            var initialsText = section["Initials"];
            var initials = StaffInitials.Normalize(string.IsNullOrWhiteSpace(initialsText) ? InitialsOf(name) : initialsText);
            if (initials is null && !string.IsNullOrWhiteSpace(initialsText))
            {
                throw new UserInputException($"{where}:Initials '{initialsText}' are not initials: give 1 to {StaffInitials.Longest} letters, e.g. JD.");
            }

            users.Add(new DashboardUser
            {
                Name = name,
                Role = role,
                Password = section["Password"],
                PasswordHash = section["PasswordHash"],
                Clinics = clinics,
                Initials = initials ?? "X",
                IsWebUser = true,
            });
        }

        return users;
    }

    /// <summary>Checks that every user's clinics are in the database, so a typo fails at start and not as a 403 at the front desk.</summary>
    public static void CheckClinics(IReadOnlyList<DashboardUser> users, IReadOnlyCollection<string> knownClinics)
    {
        for (var index = 0; index < users.Count; index++)
        {
            var unknown = users[index].Clinics.Where(clinic => !knownClinics.Contains(clinic)).ToList();
            if (unknown.Count > 0 && users[index].IsWebUser && !users[index].IsDemo)
            {
                throw new UserInputException($"Users ({users[index].Name}): clinic {string.Join(", ", unknown)} is not in the database (it has {(knownClinics.Count == 0 ? "no clinics yet: import the clinic data first" : string.Join(", ", knownClinics.Order(StringComparer.Ordinal)))}). Fix Users:N:Clinics.");
            }
        }
    }

    private static List<string> ReadClinics(IConfigurationSection user)
    {
        var clinics = user.GetSection("Clinics");
        IEnumerable<string?> values = clinics.Value is { } text ? text.Split(',', ';') : clinics.GetChildren().Select(child => child.Value);
        return [.. values.Select(value => value?.Trim()).Where(value => !string.IsNullOrEmpty(value)).Cast<string>().Distinct(StringComparer.Ordinal)];
    }

    /// <summary>"Jane Doe" → JD, "jane.doe" → JD, "frontdesk" → F.</summary>
    private static string InitialsOf(string name) =>
        new([.. name.Split([' ', '.', '_', '-'], StringSplitOptions.RemoveEmptyEntries).Select(part => part[0]).Where(char.IsLetter).Take(StaffInitials.Longest)]);
}
