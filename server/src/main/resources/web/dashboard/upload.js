// Uploading bills by drag and drop: each file dropped (or chosen) is sent on its own, with its progress
// shown, and its upload job is then watched until it is read. Without this script the form still works:
// it sends the chosen files together and the page lists their jobs.
(function () {
  'use strict';
  var form = document.querySelector('form[data-upload]');
  if (!form) { return; }
  var zone = form.querySelector('[data-dropzone]');
  var input = form.querySelector('input[type=file]');
  var list = document.getElementById('upload-progress');
  var token = form.querySelector('input[name=_csrf]').value;
  var site = form.querySelector('select[name=siteId]');
  var MAX_POLLS = 600;

  ['dragenter', 'dragover'].forEach(function (type) {
    zone.addEventListener(type, function (event) {
      event.preventDefault();
      zone.classList.add('over');
    });
  });
  ['dragleave', 'drop'].forEach(function (type) {
    zone.addEventListener(type, function (event) {
      event.preventDefault();
      zone.classList.remove('over');
    });
  });
  zone.addEventListener('drop', function (event) {
    send(event.dataTransfer ? event.dataTransfer.files : []);
  });
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    send(input.files);
    input.value = '';
  });

  function send(files) {
    Array.prototype.forEach.call(files, upload);
  }

  function upload(file) {
    var item = document.createElement('li');
    item.className = 'file';
    item.setAttribute('data-file', file.name);
    var name = document.createElement('span');
    name.className = 'name';
    name.textContent = file.name;
    var bar = document.createElement('progress');
    bar.max = 100;
    bar.value = 0;
    bar.setAttribute('aria-label', 'Sending ' + file.name);
    var state = document.createElement('span');
    state.className = 'state';
    state.textContent = 'Sending…';
    item.appendChild(name);
    item.appendChild(bar);
    item.appendChild(state);
    list.appendChild(item);

    var body = new FormData();
    body.append('document', file, file.name);
    if (site && site.value) { body.append('siteId', site.value); }
    var request = new XMLHttpRequest();
    request.open('POST', form.action);
    request.setRequestHeader('Accept', 'application/json');
    request.setRequestHeader('X-CSRF-Token', token);
    request.upload.addEventListener('progress', function (event) {
      if (event.lengthComputable) { bar.value = Math.round(event.loaded * 100 / event.total); }
    });
    request.addEventListener('load', function () {
      var answer = null;
      try { answer = JSON.parse(request.responseText); } catch (e) { answer = null; }
      if (request.status === 201 && answer && answer.jobs && answer.jobs.length) {
        bar.value = 100;
        var job = answer.jobs[0].id;
        item.setAttribute('data-job', job);
        state.textContent = 'Sent; reading the bill…';
        watch(job, item, state, 0);
      } else {
        fail(item, state, answer && answer.detail ? answer.detail : 'The bill could not be sent (' + request.status + ').');
      }
    });
    request.addEventListener('error', function () { fail(item, state, 'The bill could not be sent: no connection.'); });
    request.send(body);
  }

  function watch(job, item, state, polls) {
    fetch('/dashboard/jobs/' + encodeURIComponent(job), { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (response) { return response.json(); })
      .then(function (answer) {
        item.setAttribute('data-status', answer.status);
        if (answer.status === 'PENDING') {
          if (polls < MAX_POLLS) { window.setTimeout(function () { watch(job, item, state, polls + 1); }, 1000); }
          return;
        }
        if (answer.status === 'COMPLETED' && answer.documents.length) {
          state.textContent = '';
          var link = document.createElement('a');
          link.href = '/dashboard/documents/' + answer.documents[0];
          link.textContent = 'Read: open the bill';
          state.appendChild(link);
        } else {
          fail(item, state, answer.terminationReason || 'The bill could not be read.');
        }
      })
      .catch(function () { window.setTimeout(function () { watch(job, item, state, polls + 1); }, 2000); });
  }

  function fail(item, state, message) {
    item.classList.add('failed');
    state.textContent = message;
  }
})();
