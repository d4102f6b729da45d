package io.nectar.providers.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.nectar.meters.DatasourceType;
import io.nectar.providers.Collection;
import io.nectar.providers.CollectionRequest;
import io.nectar.providers.ProviderBill;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The same connection always shows the same history; another connection shows another one. */
class SandboxDeterminismTest {
  private static final SandboxProvider SANDBOX = new SandboxProvider();

  /** Every figure of a collection as text; a bill's PDF is compared by content. */
  private static String figures(Collection collection) {
    StringBuilder text = new StringBuilder();
    collection.accounts().forEach(account -> text.append(account).append('\n'));
    collection.bills().forEach(bill -> text.append(figures(bill)).append('\n'));
    collection.intervals().forEach(interval -> text.append(interval).append('\n'));
    return text.toString();
  }

  private static String figures(ProviderBill bill) {
    return new ProviderBill(bill.key(), bill.accountNumber(), bill.utilityName(), bill.startDate(), bill.endDate(),
        bill.billDate(), bill.dueDate(), bill.chargesUnits(), bill.totalCharges(), bill.taxCharges(), bill.usage(),
        bill.lineItems(), bill.demand(), bill.fileName(), null) + " pdf " + java.util.Arrays.hashCode(bill.pdf())
        + "/" + bill.pdf().length;
  }

  @Test
  void theSameConnectionYieldsIdenticalFiguresAndPdfBytes() {
    Collection first = SANDBOX.collect(SandboxRequests.twoYears(SandboxRequests.CONNECTION, "US"));
    Collection second = SANDBOX.collect(SandboxRequests.twoYears(SandboxRequests.CONNECTION, "US"));

    assertThat(figures(second)).isEqualTo(figures(first));
    for (int i = 0; i < first.bills().size(); i++) {
      assertThat(second.bills().get(i).pdf()).isEqualTo(first.bills().get(i).pdf());
    }
  }

  @Test
  void anotherConnectionHasOtherAccountsAndOtherFigures() {
    Collection mine = SANDBOX.collect(SandboxRequests.twoYears(SandboxRequests.CONNECTION, "US"));
    UUID another = UUID.fromString("018f3c2e-7a41-7c55-9a1e-2b7d4c6e8f02");
    Collection theirs = SANDBOX.collect(SandboxRequests.twoYears(another, "US"));

    assertThat(theirs.accounts().get(0).accountNumber()).isNotEqualTo(mine.accounts().get(0).accountNumber());
    for (int i = 0; i < mine.bills().size(); i++) {
      assertThat(theirs.bills().get(i).totalCharges()).as("bill " + i).isNotEqualTo(mine.bills().get(i).totalCharges());
    }
  }

  @Test
  void aLaterCollectionKeepsEveryEarlierBillAndAddsTheNewMonth() {
    CollectionRequest june = SandboxRequests.twoYears(SandboxRequests.CONNECTION, "US");
    CollectionRequest july = SandboxRequests.request(SandboxRequests.CONNECTION, "US", Set.of(),
        SandboxRequests.TWO_YEARS_AGO, LocalDate.of(2025, 7, 2));

    List<String> before = SANDBOX.collect(june).bills().stream().map(SandboxDeterminismTest::figures).toList();
    List<String> after = SANDBOX.collect(july).bills().stream().map(SandboxDeterminismTest::figures).toList();

    assertThat(after).containsAll(before).hasSize(before.size() + 15);
  }

  @Test
  void theNextBillNowIsTheBillThatALaterCollectionWillShow() {
    CollectionRequest request = SandboxRequests.twoYears(SandboxRequests.CONNECTION, "US");
    YearMonth current = YearMonth.from(SandboxRequests.TODAY);

    List<ProviderBill> now = SANDBOX.billsFor(request, current);
    Collection later = SANDBOX.collect(SandboxRequests.request(SandboxRequests.CONNECTION, "US", Set.of(),
        SandboxRequests.TWO_YEARS_AGO, current.plusMonths(1).atDay(1)));

    assertThat(now).hasSize(15).allSatisfy(bill -> assertThat(bill.startDate()).isEqualTo(current.atDay(1)));
    List<String> laterCurrent = later.bills().stream().filter(bill -> bill.startDate().equals(current.atDay(1)))
        .map(SandboxDeterminismTest::figures).toList();
    assertThat(now.stream().map(SandboxDeterminismTest::figures).toList()).isEqualTo(laterCurrent);
  }

  @Test
  void askingForFewerTypesLeavesTheRemainingAccountsUnchanged() {
    Collection all = SANDBOX.collect(SandboxRequests.twoYears(SandboxRequests.CONNECTION, "US"));
    Collection gasOnly = SANDBOX.collect(SandboxRequests.request(SandboxRequests.CONNECTION, "US",
        Set.of(DatasourceType.GAS, DatasourceType.DISTRICT), SandboxRequests.TWO_YEARS_AGO, SandboxRequests.TODAY));

    assertThat(gasOnly.accounts()).hasSize(3)
        .allSatisfy(account -> assertThat(account.meters().get(0).datasourceType()).isEqualTo(DatasourceType.GAS));
    assertThat(gasOnly.intervals()).isEmpty();
    List<String> gasBills = gasOnly.bills().stream().map(SandboxDeterminismTest::figures).toList();
    assertThat(all.bills().stream().map(SandboxDeterminismTest::figures).toList()).containsAll(gasBills);
  }
}
