// Reading one typed cell exactly as gkreport/lib/values.py read_value() does, so that the
// live totals never add a number the server would refuse. The tokens, units, limits and
// messages come from the server (<script id="value-rules">, values.rules_for_browser());
// only the steps are written here, in the same order as in read_value().
// tests/browser/test_number_parity.py runs the same inputs through both readers.
(function () {
  "use strict";
  var source = document.getElementById("value-rules");
  if (!source) return;
  var rules = JSON.parse(source.textContent);

  // Python's str.isspace() (and \s of its re module): JavaScript's \s differs (it has
  // U+FEFF, lacks U+001C-U+001F and U+0085).
  var SPACE = "\\t\\n\\v\\f\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";
  var SPACES = new RegExp("[" + SPACE + "]+", "g");
  var HAS_SPACE = new RegExp("[" + SPACE + "]");
  var PY_STRIP = new RegExp("^[" + SPACE + "]+|[" + SPACE + "]+$", "g");
  var EDGE_BLANKS = /^[ \t\r\n\u00a0\u3000]+|[ \t\r\n\u00a0\u3000]+$/g;
  var PLAIN_NUMBER = /^[+-]?[0-9]+(\.[0-9]+)?$/;
  var GROUPED_NUMBER = new RegExp("^[+-]?[0-9]{1,3}([,\uff0c" + SPACE + "][0-9]{3})+(\\.[0-9]+)?$");
  var NUMBER_WITH_UNIT = new RegExp("^[+\\-0-9.," + SPACE + "]+(万元|元|件|个|项|%|％)$");
  var FULL_WIDTH_DIGITS = "０１２３４５６７８９";
  // Numbers other than decimal digits (category No) that Python's isdigit() still calls
  // digits though NFKC leaves them alone: Ethiopic, Kharoshthi, Rumi, Brahmi digits,
  // double/negative circled digits. JavaScript has no Numeric_Type property to ask.
  var DIGIT_NUMBERS = /[\u1369-\u1371\u19da\u24f5-\u24fd\u24ff\u2776-\u277e\u2780-\u2788\u278a-\u2792\u{10a40}-\u{10a43}\u{10e60}-\u{10e68}\u{11052}-\u{1105a}]/u;

  function pyStrip(text) {
    return text.replace(PY_STRIP, "");
  }

  // values.odd_digit: a character that looks like a digit but is neither ASCII nor
  // full-width (“²”, “①”, “١”): NFKC would quietly change the number (10² → 102).
  function oddDigit(text) {
    for (var char of text) {
      if (char.charCodeAt(0) < 128 || FULL_WIDTH_DIGITS.indexOf(char) >= 0) continue;
      if (/\p{Nd}/u.test(char)) return char;
      if (/\p{No}/u.test(char) && (DIGIT_NUMBERS.test(char) || /\p{Nd}/u.test(char.normalize("NFKC")))) {
        return char;
      }
    }
    return null;
  }

  function message(code, params) {
    return rules.errors[code].replace(/\{(\w+)\}/g, function (_, name) { return params[name]; });
  }

  function refused(code, params) {
    return { status: "error", code: code, error: message(code, params || {}) };
  }

  // A number that passed PLAIN_NUMBER, written as Python prints its Decimal: sign kept
  // (“-0.0” too), no “+”, no leading zeros, the stated decimals kept.
  function canonical(candidate) {
    var negative = candidate.charAt(0) === "-";
    var parts = candidate.replace(/^[+-]/, "").split(".");
    var whole = parts[0].replace(/^0+(?=.)/, "");
    return (negative ? "-" : "") + whole + (parts.length > 1 ? "." + parts[1] : "");
  }

  // values._strip_unit: one trailing unit allowed for the kind goes; a unit that changes
  // the meaning (元 for 万元, 万元 in a count) is refused.
  function stripUnit(candidate, kind) {
    var units = rules.units[kind];
    for (var i = 0; i < units.length; i++) {
      var unit = units[i];
      if (candidate.slice(-unit.length) === unit) return candidate.slice(0, -unit.length);
    }
    var withUnit = NUMBER_WITH_UNIT.exec(candidate);
    if (withUnit) {
      if (kind === "amount" && withUnit[1] === "元") return refused("wrong_unit_yuan", { text: candidate });
      return refused("wrong_unit", { text: candidate, unit: kind === "amount" ? "万元" : "件数" });
    }
    return candidate;
  }

  // One cell: {status: "blank"}, {status: "not_applicable"}, {status: "error", code,
  // error}, or {status: "value", value} with the value as a decimal string.
  function read(text, kind) {
    if (!rules.units[kind]) throw new Error("unknown value kind " + kind);
    var original = text == null ? "" : String(text);
    var stripped = original.replace(EDGE_BLANKS, "");
    if (!stripped) return { status: "blank" };
    if (rules.not_applicable.indexOf(stripped) >= 0 || /^[-—－]+$/.test(stripped)) {
      return { status: "not_applicable" };
    }
    var char = oddDigit(stripped);
    if (char !== null) return refused("odd_digit", { text: stripped, char: char });

    var candidate = stripped.normalize("NFKC").replace(/，/g, ",");
    candidate = stripUnit(candidate, kind);
    if (typeof candidate !== "string") return candidate;
    candidate = pyStrip(candidate);
    if (candidate.charAt(0) === "−") candidate = "-" + candidate.slice(1); // U+2212 minus sign

    var shown = { text: pyStrip(original) };
    if (GROUPED_NUMBER.test(candidate)) {
      candidate = candidate.replace(SPACES, "").replace(/,/g, "");
    } else if (candidate.indexOf(",") >= 0 || HAS_SPACE.test(candidate)) {
      var squeezed = candidate.replace(SPACES, "").replace(/,/g, "");
      return refused(PLAIN_NUMBER.test(squeezed) ? "bad_grouping" : "not_a_number", shown);
    }
    if (!PLAIN_NUMBER.test(candidate)) return refused("not_a_number", shown);

    var value = canonical(candidate);
    var zero = /^-?0(\.0+)?$/.test(value);
    if (value.charAt(0) === "-" && !zero && kind !== "delta") return refused("negative");
    var whole = value.replace(/^-/, "").split(".")[0].replace(/^0+/, "");
    if (whole.length > rules.max_integer_digits) {
      return refused("too_large", { text: shown.text, digits: rules.max_integer_digits });
    }
    var decimals = value.indexOf(".") >= 0 ? value.split(".")[1] : "";
    if (kind === "amount") {
      if (decimals.length > rules.max_amount_decimals) {
        return refused("too_many_decimals", { text: shown.text, decimals: rules.max_amount_decimals });
      }
      return { status: "value", value: value };
    }
    if (/[1-9]/.test(decimals)) return refused("fraction");
    // int(Decimal): “3.0” is 3, “-0” is 0.
    var integer = zero ? "0" : value.split(".")[0];
    return { status: "value", value: integer };
  }

  window.gkValues = { read: read, oddDigit: oddDigit };
})();
