package org.wholecare.oversight;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.wholecare.holder.BudgetManagement;
import org.wholecare.ledger.FundingStream;

/**
 * How an area's money was used in a period, as one funder's commissioner may see it: every
 * stream's totals, and the breakdowns (by kind of support, by provider, by month) of their own
 * streams only.
 *
 * @param asAt       the moment the stream figures stand at: the period's end, or now if it has not ended
 * @param ownStreams the streams this commissioner's organisation funds, shown in detail
 */
public record AreaOverview(String areaName, String funderName, ReportingPeriod period, Instant asAt,
        Set<FundingStream> ownStreams, List<StreamFigures> streams, List<Breakdown> byKind,
        List<Breakdown> byProvider, List<Breakdown> byMonth, People people) {

    /**
     * One stream's figures over the budgets that ran in the period.
     *
     * @param spentInPeriod   what was spent from it during the period itself
     * @param forecastUnspent what will be left when those budgets end, if spending goes on at its pace so far
     */
    public record StreamFigures(FundingStream stream, long allocated, long setAside, long spent, long unspent,
            long spentInPeriod, long forecastUnspent) {
    }

    /** One row of a breakdown: what each of the commissioner's own streams spent on it in the period. */
    public record Breakdown(String label, Map<FundingStream, Long> pence) {

        public long total() {
            return pence.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** The people whose budgets ran in the period: how many, how managed, adults and children. */
    public record People(long budgets, Map<BudgetManagement, Long> byManagement, long adults, long children) {
    }

    public StreamFigures total() {
        return new StreamFigures(streams.getFirst().stream(), sum(StreamFigures::allocated), sum(StreamFigures::setAside),
                sum(StreamFigures::spent), sum(StreamFigures::unspent), sum(StreamFigures::spentInPeriod),
                sum(StreamFigures::forecastUnspent));
    }

    private long sum(java.util.function.ToLongFunction<StreamFigures> figure) {
        return streams.stream().mapToLong(figure).sum();
    }
}
