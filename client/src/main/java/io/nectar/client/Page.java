package io.nectar.client;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * One page of a paginated list, as the server's envelope describes it, and the way to the rest.
 *
 * <p>{@link #autoPaginate()} follows {@code hasNext}. It also guards against the API's rule that a
 * page past the end returns the last page: if the server ever answers with a page number it has
 * already given (the set shrank while paging, or a server sets {@code hasNext} wrongly), iteration
 * stops instead of looping over the last page for ever.
 *
 * @param <T> the item type
 */
public final class Page<T> {
  private final List<T> items;
  private final int pageNumber;
  private final int perPage;
  private final int totalPages;
  private final boolean hasNext;
  private final boolean hasPrevious;
  private final Long total;
  private final IntFunction<Page<T>> fetcher;

  /**
   * @param fetcher fetches a page by number with the same filters and options as this one
   */
  public Page(List<T> items, int pageNumber, int perPage, int totalPages, boolean hasNext, boolean hasPrevious,
      Long total, IntFunction<Page<T>> fetcher) {
    this.items = List.copyOf(items);
    this.pageNumber = pageNumber;
    this.perPage = perPage;
    this.totalPages = totalPages;
    this.hasNext = hasNext;
    this.hasPrevious = hasPrevious;
    this.total = total;
    this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
  }

  /** The items on this page only. */
  public List<T> items() {
    return items;
  }

  /** This page's number, counted from 1 ({@code currentPage}). */
  public int pageNumber() {
    return pageNumber;
  }

  public int perPage() {
    return perPage;
  }

  public int totalPages() {
    return totalPages;
  }

  public boolean hasNext() {
    return hasNext;
  }

  public boolean hasPrevious() {
    return hasPrevious;
  }

  /** The number of items in the whole filtered list ({@code totalDocuments} etc.), when given. */
  public OptionalLong total() {
    return total == null ? OptionalLong.empty() : OptionalLong.of(total);
  }

  /** The next page, or empty on the last one. */
  public Optional<Page<T>> nextPage() {
    if (!hasNext) {
      return Optional.empty();
    }
    Page<T> next = fetcher.apply(pageNumber + 1);
    return next.pageNumber > pageNumber ? Optional.of(next) : Optional.empty();
  }

  /** Every item from this page on, fetching the following pages lazily as iteration reaches them. */
  public Iterable<T> autoPaginate() {
    return () -> new ItemIterator<>(this);
  }

  /** {@link #autoPaginate()} as a sequential stream. */
  public Stream<T> stream() {
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(autoPaginate().iterator(), Spliterator.ORDERED | Spliterator.NONNULL),
        false);
  }

  private static final class ItemIterator<T> implements Iterator<T> {
    private Page<T> page;
    private Iterator<T> current;

    ItemIterator(Page<T> first) {
      this.page = first;
      this.current = first.items.iterator();
    }

    @Override
    public boolean hasNext() {
      while (!current.hasNext()) {
        Optional<Page<T>> next = page == null ? Optional.empty() : page.nextPage();
        if (next.isEmpty()) {
          page = null;
          return false;
        }
        page = next.get();
        current = page.items.iterator();
      }
      return true;
    }

    @Override
    public T next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return current.next();
    }
  }
}
