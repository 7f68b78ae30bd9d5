// Go text/tabwriter behaviour that kubectl's output depends on.
import { describe, expect, it } from "vitest";
import { DESCRIBE_TABWRITER, GET_TABWRITER, tabwrite } from "./tabwriter";

describe("tabwrite", () => {
  it("pads each column to its widest cell plus padding and leaves the last column alone", () => {
    expect(tabwrite("NAME\tREADY\tAGE\nweb-1\t1/1\t5m\n", GET_TABWRITER)).toBe(
      "NAME    READY   AGE\nweb-1   1/1     5m\n",
    );
  });

  it("never makes a get column narrower than minwidth 6 (padding included)", () => {
    expect(tabwrite("a\tb\tc\n", GET_TABWRITER)).toBe("a     b     c\n");
  });

  it("pads a tab-terminated empty last cell, leaving trailing spaces as Go does", () => {
    expect(tabwrite("Medium:\t\nSizeLimit:\t<unset>\n", DESCRIBE_TABWRITER)).toBe(
      "Medium:     \nSizeLimit:  <unset>\n",
    );
  });

  it("aligns only runs of consecutive lines that share the column", () => {
    const text = "Name:\tweb\nIPs:\n  IP:\t10.8.1.12\nControlled By:\tReplicaSet/web\n";
    expect(tabwrite(text, DESCRIBE_TABWRITER)).toBe(
      "Name:  web\nIPs:\n  IP:           10.8.1.12\nControlled By:  ReplicaSet/web\n",
    );
  });

  it("measures width in runes", () => {
    expect(tabwrite("é\tx\nab\ty\n", DESCRIBE_TABWRITER)).toBe("é   x\nab  y\n");
  });
});
