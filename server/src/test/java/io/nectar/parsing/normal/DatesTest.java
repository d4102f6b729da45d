package io.nectar.parsing.normal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DatesTest {
  private static final LocalDate JAN5 = LocalDate.of(2024, 1, 5);

  @Test
  void numericFormsFollowTheOrderUnlessTheDayGivesItAway() {
    assertThat(Dates.parse("01/05/2024", DateOrder.US)).contains(JAN5);
    assertThat(Dates.parse("1/5/24", DateOrder.US)).contains(JAN5);
    assertThat(Dates.parse("05/01/2024", DateOrder.DAY_FIRST)).contains(JAN5);
    assertThat(Dates.parse("05.01.2024", DateOrder.DAY_FIRST)).contains(JAN5);
    assertThat(Dates.parse("25/01/2024", DateOrder.US)).contains(LocalDate.of(2024, 1, 25));
    assertThat(Dates.parse("01/25/2024", DateOrder.DAY_FIRST)).contains(LocalDate.of(2024, 1, 25));
    assertThat(Dates.parse("2024-01-05", DateOrder.DAY_FIRST)).contains(JAN5);
    assertThat(Dates.parse("13/13/2024", DateOrder.US)).isEmpty();
    assertThat(Dates.parse("02/30/2024", DateOrder.US)).isEmpty();
  }

  @Test
  void monthNamesInFiveLanguages() {
    assertThat(Dates.parse("Jan 5, 2024", DateOrder.US)).contains(JAN5);
    assertThat(Dates.parse("January 5th, 2024", DateOrder.US)).contains(JAN5);
    assertThat(Dates.parse("5 January 2024", DateOrder.US)).contains(JAN5);
    assertThat(Dates.parse("05 JAN 24", DateOrder.US)).contains(JAN5);
    assertThat(Dates.parse("05-JAN-2024", DateOrder.US)).contains(JAN5);
    assertThat(Dates.parse("5 de janeiro de 2024", DateOrder.DAY_FIRST)).contains(JAN5);
    assertThat(Dates.parse("5 de enero de 2024", DateOrder.DAY_FIRST)).contains(JAN5);
    assertThat(Dates.parse("5 février 2024", DateOrder.DAY_FIRST)).contains(LocalDate.of(2024, 2, 5));
    assertThat(Dates.parse("5. März 2024", DateOrder.DAY_FIRST)).contains(LocalDate.of(2024, 3, 5));
    assertThat(Dates.parse("05 DEZ 2023", DateOrder.DAY_FIRST)).contains(LocalDate.of(2023, 12, 5));
    assertThat(Dates.parse("5 juil. 2024", DateOrder.DAY_FIRST)).contains(LocalDate.of(2024, 7, 5));
    assertThat(Dates.parse("Sept. 30, 2019", DateOrder.US)).contains(LocalDate.of(2019, 9, 30));
    assertThat(Dates.month("jui")).isEmpty(); // juin or juillet
    assertThat(Dates.month("OUT")).contains(10);
  }

  @Test
  void monthOnlyForms() {
    assertThat(Dates.parseMonth("MAR/2024")).contains(YearMonth.of(2024, 3));
    assertThat(Dates.parseMonth("março de 2024")).contains(YearMonth.of(2024, 3));
    assertThat(Dates.parseMonth("OUT/23")).contains(YearMonth.of(2023, 10));
    assertThat(Dates.parseMonth("03/2024")).contains(YearMonth.of(2024, 3));
    assertThat(Dates.parseMonth("13/2024")).isEmpty();
  }

  @Test
  void ranges() {
    DateRange jan = new DateRange(JAN5, LocalDate.of(2024, 2, 4));
    assertThat(Dates.parseRange("01/05/2024 - 02/04/2024", DateOrder.US)).contains(jan);
    assertThat(Dates.parseRange("01/05/2024-02/04/2024", DateOrder.US)).contains(jan);
    assertThat(Dates.parseRange("Jan 5 to Feb 4, 2024", DateOrder.US)).contains(jan);
    assertThat(Dates.parseRange("Jan 5, 2024 through Feb 4, 2024", DateOrder.US)).contains(jan);
    assertThat(Dates.parseRange("05/01/2024 a 04/02/2024", DateOrder.DAY_FIRST)).contains(jan);
    assertThat(Dates.parseRange("01/05 - 02/04/2024", DateOrder.US)).contains(jan);
    assertThat(Dates.parseRange("Dec 5 - Jan 4, 2024", DateOrder.US))
        .contains(new DateRange(LocalDate.of(2023, 12, 5), LocalDate.of(2024, 1, 4)));
    assertThat(Dates.parseRange("02/04/2024 - 01/05/2024", DateOrder.US)).isEmpty();
  }

  /** Property: every day of several years, printed in every form, reads back to itself. */
  @Test
  void everyFormReadsBack() {
    String[] us = {"M/d/yyyy", "MM/dd/yyyy", "M/d/yy", "MMM d, yyyy", "MMMM d, yyyy", "d MMMM yyyy", "dd MMM yy",
        "yyyy-MM-dd", "dd-MMM-yyyy"};
    String[] dayFirst = {"dd/MM/yyyy", "d.M.yyyy", "dd.MM.yy", "d MMMM yyyy", "d 'de' MMMM 'de' yyyy"};
    Random random = new Random(5);
    for (int i = 0; i < 1500; i++) {
      LocalDate d = LocalDate.of(1995, 1, 1).plusDays(random.nextInt(40 * 365));
      for (String f : us) {
        String printed = DateTimeFormatter.ofPattern(f, Locale.US).format(d);
        assertThat(Dates.parse(printed, DateOrder.US)).as(printed).contains(d);
      }
      for (Locale locale : new Locale[] {Locale.UK, Locale.forLanguageTag("pt-BR"), Locale.forLanguageTag("es"),
          Locale.FRANCE, Locale.GERMANY}) {
        for (String f : dayFirst) {
          String printed = DateTimeFormatter.ofPattern(f, locale).format(d);
          assertThat(Dates.parse(printed, DateOrder.DAY_FIRST)).as(printed).contains(d);
        }
      }
      LocalDate end = d.plusDays(random.nextInt(25, 40));
      String range = DateTimeFormatter.ofPattern("MMM d", Locale.US).format(d) + " to "
          + DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.US).format(end);
      assertThat(Dates.parseRange(range, DateOrder.US)).as(range).contains(new DateRange(d, end));
    }
  }
}
