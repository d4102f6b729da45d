// The data pages' charts, drawn with uPlot (served by this server from its WebJar). Each holder names
// the JSON it shows: data-monthly (usage and cost by month, one chart per utility) or data-hourly (a
// meter's hourly readings). Every chart also gets its figures as a table, for screen readers and for
// copying. The uPlot instances are kept in window.nectarCharts (the browser tests count their points).
(function () {
  'use strict';
  var charts = window.nectarCharts = [];
  var USAGE = '#1f6feb';
  var COST = '#b35900';

  document.querySelectorAll('[data-monthly]').forEach(function (holder) {
    load(holder, holder.getAttribute('data-monthly'), monthly);
  });
  document.querySelectorAll('[data-hourly]').forEach(function (holder) {
    var base = holder.getAttribute('data-hourly');
    load(holder, base, hourly);
    var form = document.querySelector('[data-hourly-form]');
    if (form) {
      form.addEventListener('submit', function (event) {
        event.preventDefault();
        var params = new URLSearchParams(new FormData(form));
        ['from', 'to'].forEach(function (name) { if (!params.get(name)) { params.delete(name); } });
        var query = params.toString();
        load(holder, base + (query ? '?' + query : ''), hourly);
      });
    }
  });

  function load(holder, url, draw) {
    holder.setAttribute('aria-busy', 'true');
    holder.removeAttribute('data-ready');
    fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok) { throw new Error('status ' + response.status); }
        return response.json();
      })
      .then(function (data) {
        forget(holder);
        holder.textContent = '';
        draw(holder, data);
        holder.setAttribute('data-ready', 'true');
      })
      .catch(function (error) {
        holder.textContent = 'The chart could not be loaded. Reload the page to try again.';
        holder.setAttribute('data-ready', 'error');
        holder.setAttribute('data-error', String(error) + ' ' + (error && error.stack ? error.stack : ''));
      })
      .finally(function () { holder.removeAttribute('aria-busy'); });
  }

  // Charts drawn in this holder before (a new window of hours) are removed from the page and the list.
  function forget(holder) {
    for (var i = charts.length - 1; i >= 0; i--) {
      if (holder.contains(charts[i].root)) {
        charts[i].destroy();
        charts.splice(i, 1);
      }
    }
  }

  function monthly(holder, data) {
    if (!data.charts.length) {
      holder.innerHTML = '<p>No usage or bills in this period.</p>';
      return;
    }
    var xs = data.months.map(function (m) { return Date.UTC(+m.slice(0, 4), +m.slice(5, 7) - 1, 1) / 1000; });
    data.charts.forEach(function (chart) {
      var figure = document.createElement('figure');
      figure.className = 'chart';
      figure.setAttribute('data-utility', chart.utility);
      var caption = document.createElement('figcaption');
      caption.textContent = chart.label;
      figure.appendChild(caption);
      holder.appendChild(figure);
      var series = [{ label: 'Month', value: monthLabel }];
      var columns = [xs];
      var axes = [{}];
      var scales = { x: { time: true } };
      chart.series.forEach(function (s) {
        var cost = s.measure === 'COST';
        var scale = (cost ? 'cost ' : 'usage ') + s.units;
        if (!scales[scale]) {
          // Bars and amounts read from zero: a scale starting near the smallest month would exaggerate.
          scales[scale] = { range: fromZero };
          axes.push({ scale: scale, label: s.units || (cost ? 'cost' : ''), side: cost ? 1 : 3,
            grid: { show: !cost }, size: 70 });
        }
        series.push({
          label: (cost ? 'Cost' : 'Usage') + (s.units ? ' (' + s.units + ')' : ''),
          scale: scale,
          stroke: cost ? COST : USAGE,
          fill: cost ? null : 'rgba(31, 111, 235, 0.15)',
          width: 2,
          points: { show: true },
          paths: cost ? undefined : uPlot.paths.bars({ size: [0.6, 60] })
        });
        columns.push(s.values);
      });
      draw(figure, { width: width(holder), height: 260, series: series, scales: scales, axes: axes }, columns);
      figure.appendChild(table(['Month'].concat(series.slice(1).map(function (s) { return s.label; })),
        data.months, columns.slice(1)));
    });
  }

  function hourly(holder, data) {
    if (!data.hours.length) {
      holder.innerHTML = '<p id="no-hourly">This meter has no hourly readings in this window.</p>';
      return;
    }
    var xs = data.hours.map(function (h) { return Date.parse(h) / 1000; });
    var figure = document.createElement('figure');
    figure.className = 'chart';
    figure.setAttribute('data-hourly-points', String(xs.length));
    var caption = document.createElement('figcaption');
    caption.textContent = 'Hourly usage, ' + data.hours[0].slice(0, 10) + ' to ' + data.hours[data.hours.length - 1].slice(0, 10) + ' (UTC)';
    figure.appendChild(caption);
    holder.appendChild(figure);
    var series = [{ label: 'Hour (UTC)', value: hourLabel }];
    var columns = [xs];
    data.series.forEach(function (s) {
      series.push({ label: 'Usage (' + s.units + ')', stroke: USAGE, width: 1.5, scale: s.units });
      columns.push(s.values);
    });
    var scales = { x: { time: true } };
    data.series.forEach(function (s) { scales[s.units] = { range: fromZero }; });
    draw(figure, { width: width(holder), height: 240, series: series, scales: scales,
      axes: [{}, { scale: data.series[0].units, label: data.series[0].units, size: 60 }] }, columns);
    figure.appendChild(table(['Hour (UTC)'].concat(series.slice(1).map(function (s) { return s.label; })),
      data.hours, columns.slice(1)));
  }

  function draw(figure, options, columns) {
    var plot = new uPlot(options, columns, figure);
    plot.root.setAttribute('role', 'img');
    plot.root.setAttribute('aria-label', figure.querySelector('figcaption').textContent);
    charts.push(plot);
    window.addEventListener('resize', function () {
      plot.setSize({ width: width(figure.parentNode), height: options.height });
    });
  }

  // The figures behind a chart, exactly as the server sent them (no rounding), in a folded table.
  function table(headers, labels, columns) {
    var details = document.createElement('details');
    var summary = document.createElement('summary');
    summary.textContent = 'Figures';
    details.appendChild(summary);
    var wrap = document.createElement('div');
    wrap.className = 'table';
    var t = document.createElement('table');
    var head = t.createTHead().insertRow();
    headers.forEach(function (h) {
      var th = document.createElement('th');
      th.scope = 'col';
      th.textContent = h;
      head.appendChild(th);
    });
    var body = t.createTBody();
    labels.forEach(function (label, i) {
      var row = body.insertRow();
      var th = document.createElement('th');
      th.scope = 'row';
      th.textContent = label;
      row.appendChild(th);
      columns.forEach(function (column) {
        var cell = row.insertCell();
        cell.className = 'number';
        cell.textContent = column[i] === null ? '' : String(column[i]);
      });
    });
    wrap.appendChild(t);
    details.appendChild(wrap);
    return details;
  }

  function fromZero(u, min, max) {
    var low = Math.min(0, min === null ? 0 : min);
    var high = max === null || max <= low ? low + 1 : max;
    return [low, high + (high - low) * 0.05];
  }

  function monthLabel(u, seconds) {
    if (seconds === null || seconds === undefined) { return '--'; }
    return new Date(seconds * 1000).toISOString().slice(0, 7);
  }

  function hourLabel(u, seconds) {
    if (seconds === null || seconds === undefined) { return '--'; }
    return new Date(seconds * 1000).toISOString().slice(0, 16).replace('T', ' ');
  }

  function width(holder) {
    return Math.max(280, Math.min(holder.clientWidth || 800, 1100));
  }
})();
