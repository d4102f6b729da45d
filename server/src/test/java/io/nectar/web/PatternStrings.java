package io.nectar.web;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The strings a {@code pattern} of the OpenAPI document matches, as an automaton that can produce a
 * matching string of any given length. The boundary test uses it to build values at and just past a
 * field's length limits that still match the field's pattern (so that only the limit is at stake),
 * and the shortest values a pattern admits.
 *
 * <p>It reads the subset of regular expressions that the document's patterns use, with the meaning
 * {@link java.util.regex.Pattern} gives them (the validator's engine): literals, escapes
 * (hexadecimal and Unicode escapes of a character, {@code \d \s \w} and their negations, escaped
 * punctuation), classes
 * with ranges and negation, {@code .}, groups, alternation, greedy or lazy quantifiers, and the
 * anchors {@code ^} and {@code $} at the ends. Anything else (look-around, back references) is
 * refused, so that a new pattern the test cannot read fails loudly instead of being skipped. Only
 * characters of the Basic Multilingual Plane outside the surrogates are produced.
 */
final class PatternStrings {
  private static final int CHARS = 0x10000;
  /** Characters tried first when one of a set is needed, so that produced values look plain. */
  private static final String PLAIN = "axbyz019AXZ.-_";

  private final String pattern;
  private final Pattern compiled;
  private final List<State> states = new ArrayList<>();
  private final int start;
  private final int accept;
  /** {@code reverse.get(s)}: the states with an empty move to {@code s}. */
  private final List<List<Integer>> reverse = new ArrayList<>();

  private PatternStrings(String pattern) {
    this.pattern = pattern;
    this.compiled = Pattern.compile(pattern);
    Parser parser = new Parser(pattern);
    Node root = parser.parse();
    Fragment whole = build(root);
    start = whole.start;
    accept = whole.end;
    for (int i = 0; i < states.size(); i++) {
      reverse.add(new ArrayList<>());
    }
    for (int i = 0; i < states.size(); i++) {
      for (int to : states.get(i).empty) {
        reverse.get(to).add(i);
      }
    }
  }

  /** The automaton of {@code pattern}; refuses syntax outside the supported subset. */
  static PatternStrings of(String pattern) {
    return new PatternStrings(pattern);
  }

  /**
   * A string of exactly {@code length} characters that the pattern matches, choosing plain
   * characters where it can; {@code flavour} picks among equally plain choices (0 prefers letters,
   * 1 digits), so that two calls can give two different values.
   */
  Optional<String> ofLength(int length, int flavour) {
    BitSet[] canAccept = canAccept(length);
    if (!canAccept[length].get(start)) {
      return Optional.empty();
    }
    StringBuilder out = new StringBuilder();
    BitSet current = closure(start);
    for (int left = length; left > 0; left--) {
      int chosen = -1;
      BitSet next = null;
      for (int s = current.nextSetBit(0); s >= 0 && chosen < 0; s = current.nextSetBit(s + 1)) {
        State state = states.get(s);
        if (state.chars != null && canAccept[left - 1].get(state.next)) {
          chosen = pick(state.chars, flavour);
          next = new BitSet();
        }
      }
      if (chosen < 0) {
        throw new IllegalStateException("no move at " + out + " in " + pattern);
      }
      // Every state that can read the chosen character and still finish in time goes on.
      for (int s = current.nextSetBit(0); s >= 0; s = current.nextSetBit(s + 1)) {
        State state = states.get(s);
        if (state.chars != null && state.chars.get(chosen) && canAccept[left - 1].get(state.next)) {
          next.or(closure(state.next));
        }
      }
      out.append((char) chosen);
      current = next;
    }
    String value = out.toString();
    if (!compiled.matcher(value).find()) {
      throw new IllegalStateException("produced \"" + value + "\", which " + pattern + " does not match");
    }
    return Optional.of(value);
  }

  /** The length of the shortest string the pattern matches, searching up to {@code limit}. */
  Optional<Integer> shortest(int limit) {
    BitSet[] canAccept = canAccept(limit);
    for (int n = 0; n <= limit; n++) {
      if (canAccept[n].get(start)) {
        return Optional.of(n);
      }
    }
    return Optional.empty();
  }

  /**
   * The length of the longest string the pattern matches, if there is one of at most
   * {@code limit} characters and none longer (up to twice the limit, which the patterns here never
   * reach without being unbounded).
   */
  Optional<Integer> longest(int limit) {
    BitSet[] canAccept = canAccept(2 * limit + 1);
    for (int n = 2 * limit + 1; n > limit; n--) {
      if (canAccept[n].get(start)) {
        return Optional.empty();
      }
    }
    for (int n = limit; n >= 0; n--) {
      if (canAccept[n].get(start)) {
        return Optional.of(n);
      }
    }
    return Optional.empty();
  }

  /** {@code result[k]}: the states from which exactly {@code k} more characters can reach the end. */
  private BitSet[] canAccept(int length) {
    BitSet[] result = new BitSet[length + 1];
    BitSet reachesEnd = new BitSet();
    reachesEnd.set(accept);
    result[0] = backwards(reachesEnd);
    for (int k = 1; k <= length; k++) {
      BitSet movers = new BitSet();
      for (int s = 0; s < states.size(); s++) {
        State state = states.get(s);
        if (state.chars != null && !state.chars.isEmpty() && result[k - 1].get(state.next)) {
          movers.set(s);
        }
      }
      result[k] = backwards(movers);
    }
    return result;
  }

  /** {@code targets} and every state with a chain of empty moves into one of them. */
  private BitSet backwards(BitSet targets) {
    BitSet seen = (BitSet) targets.clone();
    Deque<Integer> todo = new ArrayDeque<>();
    targets.stream().forEach(todo::add);
    while (!todo.isEmpty()) {
      for (int from : reverse.get(todo.pop())) {
        if (!seen.get(from)) {
          seen.set(from);
          todo.push(from);
        }
      }
    }
    return seen;
  }

  private BitSet closure(int from) {
    BitSet seen = new BitSet();
    seen.set(from);
    Deque<Integer> todo = new ArrayDeque<>();
    todo.push(from);
    while (!todo.isEmpty()) {
      for (int to : states.get(todo.pop()).empty) {
        if (!seen.get(to)) {
          seen.set(to);
          todo.push(to);
        }
      }
    }
    return seen;
  }

  private static int pick(BitSet chars, int flavour) {
    String preferred = flavour % 2 == 0 ? PLAIN : "9018ax" + PLAIN;
    for (int i = 0; i < preferred.length(); i++) {
      if (chars.get(preferred.charAt(i))) {
        return preferred.charAt(i);
      }
    }
    int printable = chars.nextSetBit(0x21);
    return printable >= 0 ? printable : chars.nextSetBit(0);
  }

  // ---------------------------------------------------------------------------------------------
  // The automaton: each state either reads one character of a set, or moves without reading

  private static final class State {
    final List<Integer> empty = new ArrayList<>();
    BitSet chars;
    int next = -1;
  }

  private record Fragment(int start, int end) {}

  private int newState() {
    states.add(new State());
    return states.size() - 1;
  }

  private void empty(int from, int to) {
    states.get(from).empty.add(to);
  }

  /** Builds fresh states for {@code node} (a repeated node is built once per copy). */
  private Fragment build(Node node) {
    int in = newState();
    int out = newState();
    if (node instanceof Chars c) {
      State state = states.get(in);
      state.chars = c.set();
      state.next = out;
    } else if (node instanceof Sequence s) {
      int at = in;
      for (Node part : s.parts()) {
        Fragment f = build(part);
        empty(at, f.start);
        at = f.end;
      }
      empty(at, out);
    } else if (node instanceof Choice c) {
      for (Node option : c.options()) {
        Fragment f = build(option);
        empty(in, f.start);
        empty(f.end, out);
      }
    } else if (node instanceof Repeat r) {
      int at = in;
      for (int i = 0; i < r.min(); i++) {
        Fragment f = build(r.node());
        empty(at, f.start);
        at = f.end;
      }
      if (r.max() < 0) {
        Fragment f = build(r.node());
        empty(at, f.start);
        empty(f.end, f.start);
        empty(f.end, out);
        empty(at, out);
      } else {
        for (int i = r.min(); i < r.max(); i++) {
          Fragment f = build(r.node());
          empty(at, f.start);
          empty(at, out);
          at = f.end;
        }
        empty(at, out);
      }
    }
    return new Fragment(in, out);
  }

  // ---------------------------------------------------------------------------------------------
  // Parsing

  private sealed interface Node permits Chars, Sequence, Choice, Repeat {}

  private record Chars(BitSet set) implements Node {}

  private record Sequence(List<Node> parts) implements Node {}

  private record Choice(List<Node> options) implements Node {}

  private record Repeat(Node node, int min, int max) implements Node {}

  private static final class Parser {
    private final String text;
    private int at;

    Parser(String text) {
      this.text = text;
    }

    Node parse() {
      boolean anchoredStart = text.startsWith("^");
      if (anchoredStart) {
        at++;
      }
      Node body = alternation();
      boolean anchoredEnd = at < text.length() && text.charAt(at) == '$';
      if (anchoredEnd) {
        at++;
      }
      if (at != text.length()) {
        throw unsupported("unexpected '" + text.charAt(at) + "'");
      }
      // The validator looks for the pattern anywhere in the value (ECMA-262 semantics).
      List<Node> whole = new ArrayList<>();
      if (!anchoredStart) {
        whole.add(new Repeat(new Chars(all()), 0, -1));
      }
      whole.add(body);
      if (!anchoredEnd) {
        whole.add(new Repeat(new Chars(all()), 0, -1));
      }
      return new Sequence(whole);
    }

    private Node alternation() {
      List<Node> options = new ArrayList<>();
      options.add(sequence());
      while (at < text.length() && text.charAt(at) == '|') {
        at++;
        options.add(sequence());
      }
      return options.size() == 1 ? options.get(0) : new Choice(options);
    }

    private Node sequence() {
      List<Node> parts = new ArrayList<>();
      while (at < text.length() && text.charAt(at) != '|' && text.charAt(at) != ')'
          && !(text.charAt(at) == '$' && at == text.length() - 1)) {
        parts.add(quantified(atom()));
      }
      return new Sequence(parts);
    }

    private Node quantified(Node atom) {
      Node node = atom;
      while (at < text.length()) {
        char c = text.charAt(at);
        int min;
        int max;
        if (c == '*' || c == '+' || c == '?') {
          at++;
          min = c == '+' ? 1 : 0;
          max = c == '?' ? 1 : -1;
        } else if (c == '{') {
          int close = text.indexOf('}', at);
          if (close < 0) {
            throw unsupported("unclosed {");
          }
          String[] bounds = text.substring(at + 1, close).split(",", -1);
          min = Integer.parseInt(bounds[0]);
          max = bounds.length == 1 ? min : bounds[1].isEmpty() ? -1 : Integer.parseInt(bounds[1]);
          at = close + 1;
        } else {
          return node;
        }
        if (at < text.length() && text.charAt(at) == '?') {
          at++; // lazy: the same strings
        }
        if (at < text.length() && text.charAt(at) == '+') {
          throw unsupported("possessive quantifier");
        }
        node = new Repeat(node, min, max);
      }
      return node;
    }

    private Node atom() {
      char c = text.charAt(at);
      switch (c) {
        case '(' -> {
          at++;
          if (text.startsWith("?:", at)) {
            at += 2;
          } else if (at < text.length() && text.charAt(at) == '?') {
            throw unsupported("group (" + text.substring(at, Math.min(text.length(), at + 3)));
          }
          Node inner = alternation();
          if (at >= text.length() || text.charAt(at) != ')') {
            throw unsupported("unclosed group");
          }
          at++;
          return inner;
        }
        case '[' -> {
          return new Chars(charClass());
        }
        case '.' -> {
          at++;
          BitSet dot = all();
          for (char excluded : new char[] {'\n', '\r', '\u0085', '\u2028', '\u2029'}) {
            dot.clear(excluded);
          }
          return new Chars(dot);
        }
        case '\\' -> {
          at++;
          return new Chars(escape(false));
        }
        case '^', '$' -> throw unsupported("anchor inside the pattern");
        default -> {
          at++;
          return new Chars(single(c));
        }
      }
    }

    private BitSet charClass() {
      at++; // [
      boolean negated = at < text.length() && text.charAt(at) == '^';
      if (negated) {
        at++;
      }
      BitSet set = new BitSet(CHARS);
      boolean first = true;
      while (at < text.length() && (text.charAt(at) != ']' || first)) {
        first = false;
        if (text.charAt(at) == '[' || text.startsWith("&&", at)) {
          throw unsupported("nested class or intersection");
        }
        BitSet low = element();
        if (low.cardinality() == 1 && at + 1 < text.length() && text.charAt(at) == '-' && text.charAt(at + 1) != ']') {
          at++;
          BitSet high = element();
          if (high.cardinality() != 1) {
            throw unsupported("range to a class");
          }
          set.set(low.nextSetBit(0), high.nextSetBit(0) + 1);
        } else {
          set.or(low);
        }
      }
      if (at >= text.length()) {
        throw unsupported("unclosed class");
      }
      at++; // ]
      if (negated) {
        BitSet complement = all();
        complement.andNot(set);
        return complement;
      }
      set.andNot(surrogates());
      return set;
    }

    private BitSet element() {
      char c = text.charAt(at);
      if (c == '\\') {
        at++;
        return escape(true);
      }
      at++;
      return single(c);
    }

    private BitSet escape(boolean inClass) {
      char c = text.charAt(at++);
      switch (c) {
        case 'd', 'D' -> {
          BitSet digits = new BitSet(CHARS);
          digits.set('0', '9' + 1);
          return c == 'd' ? digits : complement(digits);
        }
        case 's', 'S' -> {
          BitSet space = new BitSet(CHARS);
          for (char s : new char[] {' ', '\t', '\n', '\u000B', '\f', '\r'}) {
            space.set(s);
          }
          return c == 's' ? space : complement(space);
        }
        case 'w', 'W' -> {
          BitSet word = new BitSet(CHARS);
          word.set('a', 'z' + 1);
          word.set('A', 'Z' + 1);
          word.set('0', '9' + 1);
          word.set('_');
          return c == 'w' ? word : complement(word);
        }
        case 'x' -> {
          int code = Integer.parseInt(text.substring(at, at + 2), 16);
          at += 2;
          return single((char) code);
        }
        case 'u' -> {
          int code = Integer.parseInt(text.substring(at, at + 4), 16);
          at += 4;
          return single((char) code);
        }
        case 't' -> {
          return single('\t');
        }
        case 'n' -> {
          return single('\n');
        }
        case 'r' -> {
          return single('\r');
        }
        case 'f' -> {
          return single('\f');
        }
        default -> {
          if (Character.isLetterOrDigit(c)) {
            throw unsupported("escape \\" + c + (inClass ? " in a class" : ""));
          }
          return single(c);
        }
      }
    }

    private static BitSet single(char c) {
      BitSet set = new BitSet(CHARS);
      set.set(c);
      return set;
    }

    private static BitSet complement(BitSet set) {
      BitSet result = all();
      result.andNot(set);
      return result;
    }

    private IllegalArgumentException unsupported(String what) {
      return new IllegalArgumentException("The boundary test cannot read the pattern " + text + " (" + what
          + " at " + at + "); extend PatternStrings");
    }
  }

  private static BitSet all() {
    BitSet set = new BitSet(CHARS);
    set.set(0, CHARS);
    set.andNot(surrogates());
    return set;
  }

  private static BitSet surrogates() {
    BitSet set = new BitSet(CHARS);
    set.set(0xD800, 0xE000);
    return set;
  }
}
