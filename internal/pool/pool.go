// Package pool runs indexed work over a bounded set of goroutines: the one
// worker pool that reading files, analysing them and the engines share.
package pool

import (
	"context"
	"sync"
)

// Each calls f(0) … f(n-1) on at most workers goroutines (at least one) and
// waits for them. It stops handing out indices once ctx is done or a call
// has failed, and returns the first error a call returned, else ctx's error.
func Each(ctx context.Context, n, workers int, f func(i int) error) error {
	workers = max(1, min(workers, n))
	jobs := make(chan int)
	errs := make(chan error, 1)
	failed := make(chan struct{})
	var once sync.Once
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				if err := f(i); err != nil {
					once.Do(func() {
						errs <- err
						close(failed)
					})
				}
			}
		}()
	}
feed:
	for i := 0; i < n; i++ {
		select {
		case jobs <- i:
		case <-ctx.Done():
			break feed
		case <-failed:
			break feed
		}
	}
	close(jobs)
	wg.Wait()
	select {
	case err := <-errs:
		return err
	default:
	}
	return ctx.Err()
}
