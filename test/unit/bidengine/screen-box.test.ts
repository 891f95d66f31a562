import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ScreenBox } from "../../../renderer/src/features/bids/screen-box";
import { ApiProvider } from "../../../renderer/src/hooks/api-context";

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/&#x27;/g, "'").replace(/&quot;/g, '"').replace(/\s+/g, " ");

describe("the 'would I bid on this?' box", () => {
  it("tells the user it takes an order JSON, an orders-list response, or a dseq", () => {
    const box = createElement(ScreenBox, { navigate: () => {} });
    const html = renderToStaticMarkup(createElement(ApiProvider, { connection: { api: {} } as never, children: box }));
    expect(text(html)).toContain("Paste an order JSON, an orders-list response, or a dseq");
    expect(html).toContain("Order JSON or dseq");
    expect(html).toMatch(/placeholder="[^"]*or a dseq such as \d+"/);
  });
});
