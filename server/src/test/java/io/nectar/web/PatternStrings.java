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
 * <p>The pattern is read by {@link RegexSyntax}, which refuses what it does not understand, so
 * that a new pattern the test cannot read fails loudly instead of being skipped. Only characters of
 * the Basic Multilingual Plane outside the surrogates are produced.
 */
final class PatternStrings {
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
    RegexSyntax.Node root = RegexSyntax.parse(pattern);
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
  private Fragment build(RegexSyntax.Node node) {
    int in = newState();
    int out = newState();
    if (node instanceof RegexSyntax.Chars c) {
      State state = states.get(in);
      state.chars = c.set();
      state.next = out;
    } else if (node instanceof RegexSyntax.Sequence s) {
      int at = in;
      for (RegexSyntax.Node part : s.parts()) {
        Fragment f = build(part);
        empty(at, f.start);
        at = f.end;
      }
      empty(at, out);
    } else if (node instanceof RegexSyntax.Choice c) {
      for (RegexSyntax.Node option : c.options()) {
        Fragment f = build(option);
        empty(in, f.start);
        empty(f.end, out);
      }
    } else if (node instanceof RegexSyntax.Repeat r) {
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

}
