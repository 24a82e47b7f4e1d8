using System;
using System.Net;
using System.Net.Http;
using System.Reflection;

namespace ShortApi.Vidu.Transport
{
    /// <summary>
    /// What the platform's default proxy does with one address, for verbose lines ("via the system proxy …"), asked the
    /// way the handler asks it. It reads the same object the handler uses, so it cannot disagree with what happens.
    /// </summary>
    internal static class SystemProxy
    {
        // .NET Core 3.0+ names the handler's default HttpClient.DefaultProxy; netstandard2.0 cannot, so it is looked up.
        private static readonly PropertyInfo? DefaultProxyProperty =
            typeof(HttpClient).GetProperty("DefaultProxy", BindingFlags.Public | BindingFlags.Static);

        /// <summary>
        /// True on .NET Framework (Windows PowerShell): its HttpWebRequest never sends a loopback address to any proxy
        /// (ServicePointManager skips the proxy when the destination IsLoopback), and it reaches proxies over http only.
        /// </summary>
        public static bool OnNetFramework { get; } = DefaultProxyProperty == null;

        /// <summary>The proxy the default handler sends a request for <paramref name="destination"/> through, or null for none.</summary>
        public static Uri? For(Uri destination)
        {
            try
            {
                var proxy = DefaultProxyProperty != null ? DefaultProxyProperty.GetValue(null) as IWebProxy : WebRequest.DefaultWebProxy;
                return Through(proxy, destination);
            }
            catch (Exception ex) when (!(ex is OutOfMemoryException))
            {
                // The handler treats a proxy that throws as no proxy; so does this.
                return null;
            }
        }

        /// <summary>Where <paramref name="proxy"/> sends <paramref name="destination"/>: its proxy, or null when it goes direct.</summary>
        public static Uri? Through(IWebProxy? proxy, Uri destination)
        {
            if (proxy == null || (OnNetFramework && destination.IsLoopback) || proxy.IsBypassed(destination)) return null;
            var via = proxy.GetProxy(destination);
            return via == null || via == destination ? null : via;
        }
    }
}
