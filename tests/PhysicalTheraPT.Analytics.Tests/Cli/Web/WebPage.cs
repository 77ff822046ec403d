using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace PhysicalTheraPT.Analytics.Tests.Cli.Web;

/// <summary>A page of the web app as an HTTP client got it: status, and its HTML parsed, to read and to fill in forms.</summary>
internal sealed class WebPage
{
    private WebPage(HttpResponseMessage response, IHtmlDocument document)
    {
        Response = response;
        Document = document;
    }

    public HttpResponseMessage Response { get; }

    public HttpStatusCode Status => Response.StatusCode;

    public IHtmlDocument Document { get; }

    public string Text => Document.Body?.TextContent ?? "";

    public static async Task<WebPage> GetAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return await ReadAsync(response);
    }

    public static async Task<WebPage> ReadAsync(HttpResponseMessage response) =>
        new(response, await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync()));

    /// <summary>The fields of the form whose submit button reads <paramref name="button"/>, as the browser would send them.</summary>
    public Dictionary<string, string> FormOf(string button)
    {
        var form = Document.QuerySelectorAll<IHtmlFormElement>("form").Single(form => form.QuerySelectorAll("button").Any(element => element.TextContent == button));
        return form.QuerySelectorAll<IHtmlInputElement>("input").Where(input => input.Name is not null).ToDictionary(input => input.Name!, input => input.Value);
    }

    /// <summary>Posts a form's fields to <paramref name="path"/>.</summary>
    public static async Task<WebPage> PostAsync(HttpClient client, string path, IDictionary<string, string> fields) =>
        await ReadAsync(await client.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent(fields)));

    /// <summary>Signs in through the sign-in form, as a person would; returns the page the form answered with.</summary>
    public static async Task<WebPage> SignInAsync(HttpClient client, string name, string password)
    {
        var form = (await GetAsync(client, "/signin")).FormOf("Sign in");
        form["name"] = name;
        form["password"] = password;
        return await PostAsync(client, "/signin", form);
    }
}
