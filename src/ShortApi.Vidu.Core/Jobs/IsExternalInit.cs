namespace System.Runtime.CompilerServices
{
    /// <summary>
    /// Lets netstandard2.0 compile init-only setters (the type ships with .NET 5 and later). Internal, so it never
    /// clashes with the runtime's own copy in a consumer.
    /// </summary>
    internal static class IsExternalInit
    {
    }
}
