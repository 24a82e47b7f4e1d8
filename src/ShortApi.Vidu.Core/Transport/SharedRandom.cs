using System;

namespace ShortApi.Vidu.Transport
{
    /// <summary>A thread-safe source of jitter (System.Random is not thread-safe on .NET Framework).</summary>
    internal static class SharedRandom
    {
        private static readonly Random Seed = new Random();

        [ThreadStatic]
        private static Random? _local;

        public static double NextDouble()
        {
            if (_local == null)
            {
                int seed;
                lock (Seed) seed = Seed.Next();
                _local = new Random(seed);
            }
            return _local.NextDouble();
        }
    }
}
