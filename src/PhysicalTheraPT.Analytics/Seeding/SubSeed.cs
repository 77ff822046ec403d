namespace PhysicalTheraPT.Analytics.Seeding;

/// <summary>
/// Derives an independent seed for each clinic and each patient from the run's seed, so a patient's history
/// depends only on (seed, clinic, patient number): the generator can stream patient by patient, and adding
/// patients does not reshuffle the ones before them.
/// </summary>
internal static class SubSeed
{
    public static int ForClinic(int seed, int clinicNumber) => Mix(seed, clinicNumber, 0);

    public static int ForPatient(int seed, int clinicNumber, int patientNumber) => Mix(seed, clinicNumber, patientNumber);

    // SplitMix64's finaliser: a fixed, well-spread function of its input, identical on every runtime (unlike
    // string.GetHashCode or HashCode.Combine, which are randomised per process).
    private static int Mix(int seed, int clinicNumber, int patientNumber)
    {
        var state = ((ulong)(uint)seed << 32) ^ ((ulong)(uint)clinicNumber << 20) ^ (uint)patientNumber;
        state += 0x9E3779B97F4A7C15UL;
        state = (state ^ (state >> 30)) * 0xBF58476D1CE4E5B9UL;
        state = (state ^ (state >> 27)) * 0x94D049BB133111EBUL;
        state ^= state >> 31;
        return (int)(state & int.MaxValue);
    }
}
