#!/usr/bin/env python3
"""LoRA fine-tune of a Llama-3.1-class model on emocrowd training JSONL, with Unsloth.

This is the recipe behind docs/guides/fine-tune.md. It is not run in CI: it needs a CUDA GPU
(an 8B model in 4-bit fits in about 8 GB of VRAM) and the Python packages

    pip install unsloth            # brings torch, transformers, trl, peft, bitsandbytes, datasets

Input: a JSONL file from `emocrowd finetune data ... --format chat|alpaca` (the format is
detected from the first record). Output, under --out:

    lora/       the LoRA adapter (adapter_model.safetensors + adapter_config.json) and tokenizer;
                Ollama can apply it on top of the base model with `ADAPTER ./lora`
    gguf/       the merged model as a single GGUF file quantised to q4_k_m (--no-gguf skips it);
                Ollama runs it directly with `FROM ./gguf/<file>.gguf`

Settings. The paper (Kadiyala et al. 2025, arXiv 2503.04849) fine-tuned DarkIdol-Llama-3.1-8B
on GoEmotions with LoRA through Unsloth, 4-bit quantisation, batch size 2 and gradient
accumulation 4; it does not publish the rest, so everything else is Unsloth's standard recipe:
LoRA r 16, alpha 16, dropout 0 on the q, k, v, o, gate, up and down projections; AdamW 8-bit,
learning rate 2e-4, weight decay 0.01, 5 warm-up steps, linear schedule, seed 3407. Every
setting is a flag; the defaults are these values.

Example:

    python3 train_unsloth.py --data express.jsonl --out runs/express \
        --base unsloth/Meta-Llama-3.1-8B-Instruct-bnb-4bit --epochs 1
"""

from __future__ import annotations

import argparse
import json
import os
import sys

ALPACA_TEMPLATE = """Below is an instruction that describes a task, paired with an input that provides further context. Write a response that appropriately completes the request.

### Instruction:
{instruction}

### Input:
{input}

### Response:
{output}"""

# Llama 3.x chat-template markers, used to train on the assistant's answers only.
LLAMA3_USER = "<|start_header_id|>user<|end_header_id|>\n\n"
LLAMA3_ASSISTANT = "<|start_header_id|>assistant<|end_header_id|>\n\n"


def parse_args(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--data", required=True, help="training JSONL (chat or alpaca records)")
    p.add_argument("--out", required=True, help="output folder (lora/ and gguf/ are written inside)")
    p.add_argument(
        "--base",
        default="unsloth/Meta-Llama-3.1-8B-Instruct-bnb-4bit",
        help="base model on the Hugging Face Hub or a local folder; the paper used DarkIdol-Llama-3.1-8B "
        "(e.g. aifeifei798/DarkIdol-Llama-3.1-8B-Instruct-1.2-Uncensored)",
    )
    p.add_argument("--chat-template", default="llama-3.1", help="Unsloth chat template name for chat records")
    p.add_argument("--max-seq-length", type=int, default=2048)
    p.add_argument("--no-4bit", dest="load_in_4bit", action="store_false", help="load the base model unquantised")
    # LoRA (Unsloth defaults)
    p.add_argument("--lora-r", type=int, default=16)
    p.add_argument("--lora-alpha", type=int, default=16)
    p.add_argument("--lora-dropout", type=float, default=0.0)
    p.add_argument(
        "--target-modules",
        default="q_proj,k_proj,v_proj,o_proj,gate_proj,up_proj,down_proj",
        help="comma-separated projection names LoRA adapts",
    )
    # optimisation (paper: batch 2, grad-accum 4; Unsloth defaults for the rest)
    p.add_argument("--batch-size", type=int, default=2)
    p.add_argument("--grad-accum", type=int, default=4)
    p.add_argument("--lr", type=float, default=2e-4)
    p.add_argument("--weight-decay", type=float, default=0.01)
    p.add_argument("--warmup-steps", type=int, default=5)
    p.add_argument("--scheduler", default="linear")
    p.add_argument("--optim", default="adamw_8bit")
    p.add_argument("--epochs", type=float, default=1.0)
    p.add_argument("--max-steps", type=int, default=-1, help="stop after this many steps (overrides --epochs when > 0)")
    p.add_argument("--seed", type=int, default=3407)
    p.add_argument("--all-tokens", dest="responses_only", action="store_false",
                   help="train on the whole conversation, not only the assistant's answers (chat records)")
    p.add_argument("--quantization", default="q4_k_m", help="GGUF quantisation method")
    p.add_argument("--no-gguf", dest="gguf", action="store_false", help="skip the merged GGUF export")
    return p.parse_args(argv)


def detect_format(path: str) -> str:
    """Returns 'chat' or 'alpaca' from the first record of a JSONL file."""
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                record = json.loads(line)
                if "messages" in record:
                    return "chat"
                if {"instruction", "input", "output"} <= record.keys():
                    return "alpaca"
                raise ValueError(f"{path}: first record is neither chat nor alpaca: {sorted(record)}")
    raise ValueError(f"{path}: no records")


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    data_format = detect_format(args.data)

    # Imported here so `--help` and format detection work without a GPU stack.
    from unsloth import FastLanguageModel, is_bfloat16_supported  # noqa: I001  (unsloth must come first)
    from unsloth.chat_templates import get_chat_template, train_on_responses_only
    from datasets import load_dataset
    from trl import SFTConfig, SFTTrainer

    model, tokenizer = FastLanguageModel.from_pretrained(
        model_name=args.base,
        max_seq_length=args.max_seq_length,
        dtype=None,  # bfloat16 where supported, else float16
        load_in_4bit=args.load_in_4bit,
    )
    model = FastLanguageModel.get_peft_model(
        model,
        r=args.lora_r,
        lora_alpha=args.lora_alpha,
        lora_dropout=args.lora_dropout,
        target_modules=[m.strip() for m in args.target_modules.split(",") if m.strip()],
        bias="none",
        use_gradient_checkpointing="unsloth",
        random_state=args.seed,
        use_rslora=False,
        loftq_config=None,
    )

    dataset = load_dataset("json", data_files=args.data, split="train")
    if data_format == "chat":
        tokenizer = get_chat_template(tokenizer, chat_template=args.chat_template)

        def to_text(batch: dict) -> dict:
            return {
                "text": [
                    tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=False)
                    for messages in batch["messages"]
                ]
            }
    else:
        eos = tokenizer.eos_token

        def to_text(batch: dict) -> dict:
            return {
                "text": [
                    ALPACA_TEMPLATE.format(instruction=i, input=x, output=o) + eos
                    for i, x, o in zip(batch["instruction"], batch["input"], batch["output"])
                ]
            }

    dataset = dataset.map(to_text, batched=True, remove_columns=dataset.column_names)

    trainer = SFTTrainer(
        model=model,
        tokenizer=tokenizer,
        train_dataset=dataset,
        args=SFTConfig(
            dataset_text_field="text",
            # sequence length comes from the model (FastLanguageModel max_seq_length): TRL renamed
            # the SFTConfig field (max_seq_length -> max_length), so it is not passed here
            per_device_train_batch_size=args.batch_size,
            gradient_accumulation_steps=args.grad_accum,
            warmup_steps=args.warmup_steps,
            num_train_epochs=args.epochs,
            max_steps=args.max_steps,
            learning_rate=args.lr,
            fp16=not is_bfloat16_supported(),
            bf16=is_bfloat16_supported(),
            logging_steps=10,
            optim=args.optim,
            weight_decay=args.weight_decay,
            lr_scheduler_type=args.scheduler,
            seed=args.seed,
            output_dir=os.path.join(args.out, "checkpoints"),
            report_to="none",
        ),
    )
    if data_format == "chat" and args.responses_only and args.chat_template.startswith("llama-3"):
        # the loss covers only what the model should learn to say (the comment or the labels)
        trainer = train_on_responses_only(trainer, instruction_part=LLAMA3_USER, response_part=LLAMA3_ASSISTANT)

    stats = trainer.train()
    print(f"trained {stats.global_step} steps, final loss {stats.training_loss:.4f}")

    lora_dir = os.path.join(args.out, "lora")
    model.save_pretrained(lora_dir)
    tokenizer.save_pretrained(lora_dir)
    print(f"LoRA adapter: {lora_dir}")

    if args.gguf:
        gguf_dir = os.path.join(args.out, "gguf")
        model.save_pretrained_gguf(gguf_dir, tokenizer, quantization_method=args.quantization)
        print(f"GGUF ({args.quantization}): {gguf_dir}")

    with open(os.path.join(args.out, "train_settings.json"), "w", encoding="utf-8") as f:
        json.dump({**vars(args), "format": data_format}, f, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
