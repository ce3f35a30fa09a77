// Runs on the audio thread: hands the microphone's samples (mixed to mono) to the page in blocks of about 40 ms,
// with their loudness for the level meter. Its output stays silent, so the microphone is never played back.
class PcmCapture extends AudioWorkletProcessor {
  constructor() {
    super();
    this.block = new Float32Array(2048);
    this.filled = 0;
  }

  process(inputs) {
    const channels = inputs[0];
    if (channels && channels.length > 0) {
      const frames = channels[0].length;
      for (let i = 0; i < frames; i++) {
        let sum = 0;
        for (let c = 0; c < channels.length; c++) sum += channels[c][i];
        this.block[this.filled++] = sum / channels.length;
        if (this.filled === this.block.length) this.flush();
      }
    }
    return true;
  }

  flush() {
    const samples = this.block.slice(0, this.filled);
    let energy = 0;
    for (let i = 0; i < samples.length; i++) energy += samples[i] * samples[i];
    this.port.postMessage({ samples: samples, rms: Math.sqrt(energy / samples.length) }, [samples.buffer]);
    this.filled = 0;
  }
}

registerProcessor("pcm-capture", PcmCapture);
