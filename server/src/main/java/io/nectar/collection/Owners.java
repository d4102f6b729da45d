package io.nectar.collection;

import io.nectar.accounts.AccountService;
import io.nectar.connections.ConnectionService;
import io.nectar.documents.DocumentService;
import io.nectar.intervals.IntervalService;
import io.nectar.meters.MeterService;
import io.nectar.usage.UsageService;

/** The services that own what a collection writes: collection files data through them, never into their tables. */
public record Owners(ConnectionService connections, AccountService accounts, MeterService meters,
    DocumentService documents, UsageService usage, IntervalService intervals) {}
