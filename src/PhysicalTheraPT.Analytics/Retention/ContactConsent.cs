namespace PhysicalTheraPT.Analytics.Retention;

/// <summary>
/// Whether and how one patient may be reached: the one place where do-not-contact (the clinic's or front
/// desk's), a recorded death and consent per channel (patients.csv: deceased_on, allow_phone, allow_sms,
/// allow_email) become a rule. The engine flags nobody who <see cref="MayBeContacted"/> says no to, so such
/// a patient is on no flags file, queue, list or count of patients to call; the outreach queue and the
/// lists ask again here, because stored flags can predate the import that recorded the death or the
/// withdrawn consent. A list offers only the channels allowed.
/// </summary>
/// <remarks>
/// The default value (as in a history not yet reset) is alive, not do-not-contact and every channel
/// allowed, what a patient row says when the clinic's system says nothing: the flags are stored the other
/// way round so that a zeroed value cannot quietly withhold every channel.
/// </remarks>
internal readonly record struct ContactConsent
{
    private static readonly string[] Channels = ["phone", "sms", "email"];

    private readonly bool _withholdsPhone;
    private readonly bool _withholdsSms;
    private readonly bool _withholdsEmail;

    /// <param name="deceasedOn">The recorded date of death. Any recorded death counts, whatever the as-of date: a list is always for calls made now.</param>
    public ContactConsent(bool doNotContact, DateOnly? deceasedOn = null, bool allowPhone = true, bool allowSms = true, bool allowEmail = true)
    {
        DoNotContact = doNotContact;
        DeceasedOn = deceasedOn;
        _withholdsPhone = !allowPhone;
        _withholdsSms = !allowSms;
        _withholdsEmail = !allowEmail;
    }

    public bool DoNotContact { get; init; }

    public DateOnly? DeceasedOn { get; init; }

    public bool AllowPhone { get => !_withholdsPhone; init => _withholdsPhone = !value; }

    public bool AllowSms { get => !_withholdsSms; init => _withholdsSms = !value; }

    public bool AllowEmail { get => !_withholdsEmail; init => _withholdsEmail = !value; }

    public bool IsDeceased => DeceasedOn is not null;

    public bool HasAllowedChannel => AllowPhone || AllowSms || AllowEmail;

    /// <summary>
    /// Not do-not-contact, not deceased, and at least one channel allowed. A living patient with no
    /// allowed channel is counted with the do-not-contact patients wherever those are counted.
    /// </summary>
    public bool MayBeContacted => !DoNotContact && !IsDeceased && HasAllowedChannel;

    /// <summary>The phone number to offer: calls and texts both use it, so it is withheld only when neither is allowed.</summary>
    public string? PhoneToOffer(string? phone) => AllowPhone || AllowSms ? phone : null;

    public string? EmailToOffer(string? email) => AllowEmail ? email : null;

    /// <summary>
    /// The channel to offer: the patient's preferred one when it is allowed; otherwise the first allowed
    /// of phone, sms, email that has its number or address (else the first allowed at all). With no
    /// preference and every channel allowed, none is named (front desk chooses, as before); with some
    /// channels withheld one is named, so nobody calls a patient who only accepts texts.
    /// </summary>
    public string? ChannelToOffer(string? preferred, string? phone, string? email)
    {
        if (preferred is not null && Allows(preferred))
        {
            return preferred;
        }

        if (preferred is null && AllowPhone && AllowSms && AllowEmail)
        {
            return null;
        }

        string? anyAllowed = null;
        foreach (var channel in Channels)
        {
            if (!Allows(channel))
            {
                continue;
            }

            if ((channel == "email" ? email : phone) is not null)
            {
                return channel;
            }

            anyAllowed ??= channel;
        }

        return anyAllowed;
    }

    private bool Allows(string channel) => channel switch
    {
        "phone" => AllowPhone,
        "sms" => AllowSms,
        "email" => AllowEmail,
        _ => false,
    };
}
