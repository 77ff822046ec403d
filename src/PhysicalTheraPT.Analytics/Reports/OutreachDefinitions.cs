using System.Globalization;
using PhysicalTheraPT.Analytics.Outreach;

namespace PhysicalTheraPT.Analytics.Reports;

/// <summary>What each number of the Outreach sheet counts, with the settings in use, for the Definitions sheet.</summary>
internal static class OutreachDefinitions
{
    public static (IReadOnlyList<DefinitionRow> Definitions, IReadOnlyList<ReportSetting> Settings) For(OutreachOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var attribution = Days(options.AttributionDays);
        IReadOnlyList<DefinitionRow> definitions =
        [
            new("Outreach: listed", "Patients put up for outreach in the month: a flagged patient enters the queue (and the lists) unless do-not-contact, a recent decline, a recent try or a recently closed item holds them back.", "Outreach:CooldownDays, Outreach:DeclineSuppressDays, Outreach:RetryAfterDays", Values(options.CooldownDays, options.DeclineSuppressDays, options.RetryAfterDays)),
            new("Outreach: contacted", "Patients with any outcome recorded for a call dated in the month (not reached, left a message, booked, declined, do not contact, wrong number).", null, null),
            new("Outreach: reached", "Patients front desk spoke to in the month: the outcome was booked, declined or do not contact.", null, null),
            new("Outreach: booked after outreach", $"Patients contacted in the month (any outcome but wrong number) with a maintenance appointment, booked or kept, whose booking day (booked_at, clinic calendar) is the day of a contact or up to {attribution} after it. Needs booked_at in the clinic data.", "Outreach:AttributionDays", Values(options.AttributionDays)),
            new("Outreach: not final yet (grey)", $"A month's outreach numbers are final {attribution} after the month ends: until then calls recorded late and bookings after its last calls can still change them. Final numbers are kept as reported.", "Outreach:AttributionDays", Values(options.AttributionDays)),
            new("Outreach: conversion", "Booked after outreach ÷ contacted, for the month.", null, null),
            new("Outreach: days from listing to first contact", "Median days from the day a patient was listed to the first outcome recorded for them, over patients first contacted in the month.", null, null),
            new("Outreach: wrong numbers", "Patients whose phone number or email front desk found wrong in the month: correct them in the clinic software.", null, null),
            new("Outreach: unreachable", "An item closes as unreachable at the attempt that reaches the maximum (not reached or left a message).", "Outreach:MaxAttempts", Values(options.MaxAttempts)),
        ];
        IReadOnlyList<ReportSetting> settings =
        [
            new("Outreach:AttributionDays", Values(options.AttributionDays)),
            new("Outreach:CooldownDays", Values(options.CooldownDays)),
            new("Outreach:DeclineSuppressDays", Values(options.DeclineSuppressDays)),
            new("Outreach:MaxAttempts", Values(options.MaxAttempts)),
            new("Outreach:RetryAfterDays", Values(options.RetryAfterDays)),
        ];
        return (definitions, settings);
    }

    private static string Days(int days) => days.ToString(CultureInfo.InvariantCulture) + (days == 1 ? " day" : " days");

    private static string Values(params int[] values) => string.Join(", ", values.Select(value => value.ToString(CultureInfo.InvariantCulture)));
}
