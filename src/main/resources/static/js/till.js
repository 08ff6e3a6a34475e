// A merchant's till: the card code is typed or pasted; where the browser can read QR codes from the
// camera (BarcodeDetector), a scan button fills the code in and checks it. Without a camera the page
// works as a plain form.
(function () {
  var button = document.querySelector('[data-scan]');
  var video = document.querySelector('[data-camera]');
  var input = document.getElementById('code');
  if (!button || !video || !input || !('BarcodeDetector' in window) || !navigator.mediaDevices) {
    return;
  }
  button.classList.remove('d-none');
  button.addEventListener('click', function () {
    var detector = new window.BarcodeDetector({ formats: ['qr_code'] });
    navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } }).then(function (stream) {
      video.srcObject = stream;
      video.classList.remove('d-none');
      video.play();
      var stop = function () {
        stream.getTracks().forEach(function (t) { t.stop(); });
        video.classList.add('d-none');
      };
      var look = function () {
        detector.detect(video).then(function (codes) {
          if (codes.length > 0) {
            stop();
            input.value = codes[0].rawValue;
            input.form.submit();
          } else {
            window.requestAnimationFrame(look);
          }
        }).catch(stop);
      };
      look();
    }).catch(function () { button.classList.add('d-none'); });
  });
})();
