using System;

namespace ShortApi.Vidu.Emulator;

/// <summary>A <see cref="Random"/> shared by concurrent requests; seedable so a faulty run can be repeated.</summary>
internal sealed class SeededRandom
{
    private readonly object gate = new();
    private readonly Random random;

    public SeededRandom(int? seed)
    {
        random = seed is int value ? new Random(value) : new Random();
    }

    /// <summary>True with probability <paramref name="rate"/>; draws nothing when the rate is 0, so seeded runs stay stable.</summary>
    public bool Chance(double rate)
    {
        if (rate <= 0)
        {
            return false;
        }

        lock (gate)
        {
            return random.NextDouble() < rate;
        }
    }

    /// <summary>One of <paramref name="choices"/>, uniformly.</summary>
    public T Pick<T>(params T[] choices)
    {
        lock (gate)
        {
            return choices[random.Next(choices.Length)];
        }
    }
}
