// The hosted connection pages work without this script; it adds a live utility filter, uploads with
// progress, and tells an embedding page the outcome (postMessage), as integrators expect of an iframe.
(function () {
  'use strict';

  var search = document.querySelector('[data-filter="utilities"]');
  var list = document.getElementById('utilities');
  if (search && list) {
    search.addEventListener('input', function () {
      var needle = search.value.trim().toLowerCase();
      Array.prototype.forEach.call(list.children, function (item) {
        item.hidden = needle !== '' && item.textContent.toLowerCase().indexOf(needle) < 0;
      });
    });
  }

  var body = document.body;
  if (body.dataset.outcome && window.parent !== window) {
    window.parent.postMessage({ type: 'nectar.connection', status: body.dataset.outcome,
      connectionId: body.dataset.connection || null }, '*');
  }

  var form = document.getElementById('upload-form');
  var uploads = document.getElementById('uploads');
  if (!uploads) {
    return;
  }
  var pending = {};

  function describe(job) {
    if (job.status === 'PENDING') { return 'being read…'; }
    if (job.status === 'COMPLETED') { return 'read and filed.'; }
    return 'could not be read: ' + (job.terminationReason || 'unknown reason') + '.';
  }

  function poll() {
    var ids = Object.keys(pending);
    if (ids.length === 0) { return; }
    var query = ids.map(function (id) { return 'id=' + encodeURIComponent(id); }).join('&');
    fetch(uploads.dataset.jobs + '?' + query, { headers: { Accept: 'application/json' } })
      .then(function (response) { return response.json(); })
      .then(function (answer) {
        answer.jobs.forEach(function (job) {
          var item = pending[job.id];
          if (!item) { return; }
          item.textContent = (item.dataset.name || 'Bill') + ': ' + describe(job);
          if (job.status !== 'PENDING') {
            item.className = job.status === 'COMPLETED' ? 'done' : 'failed';
            delete pending[job.id];
          }
        });
      })
      .catch(function () { /* try again at the next tick */ })
      .then(function () { if (Object.keys(pending).length > 0) { setTimeout(poll, 2000); } });
  }

  Array.prototype.forEach.call(uploads.querySelectorAll('[data-job]'), function (item) {
    pending[item.dataset.job] = item;
  });
  poll();

  if (!form) {
    return;
  }
  form.addEventListener('submit', function (event) {
    var input = form.querySelector('input[type=file]');
    if (!input.files.length || !window.FormData) { return; }
    event.preventDefault();
    var token = form.querySelector('input[name=csrf]').value;
    Array.prototype.forEach.call(input.files, function (file) {
      var item = document.createElement('li');
      item.dataset.name = file.name;
      item.textContent = file.name + ': uploading…';
      var bar = document.createElement('progress');
      bar.max = 100;
      bar.value = 0;
      item.appendChild(bar);
      uploads.appendChild(item);
      var data = new FormData();
      data.append('csrf', token);
      data.append('document', file, file.name);
      var request = new XMLHttpRequest();
      request.open('POST', form.action);
      request.setRequestHeader('Accept', 'application/json');
      request.upload.onprogress = function (e) {
        if (e.lengthComputable) { bar.value = Math.round(100 * e.loaded / e.total); }
      };
      request.onload = function () {
        var answer = {};
        try { answer = JSON.parse(request.responseText); } catch (ignored) { /* shown below */ }
        if (request.status === 201 && answer.jobs && answer.jobs.length) {
          item.textContent = file.name + ': received, being read…';
          pending[answer.jobs[0].id] = item;
          poll();
        } else {
          item.textContent = file.name + ': not uploaded. ' + (answer.detail || 'Try again.');
        }
      };
      request.onerror = function () { item.textContent = file.name + ': not uploaded. Check your connection.'; };
      request.send(data);
    });
    input.value = '';
  });
}());
