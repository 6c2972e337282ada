// Filename: safe_map.go
// The chapter's thread-safe map with RWMutex: a writer sets two keys and
// deletes one while a reader looks one up. Every map access is under m.mu.
package main

//lockstep:expect none

import (
	"fmt"
	"sync"
)

type SafeMap struct {
	mu   sync.RWMutex
	data map[string]interface{}
}

func (m *SafeMap) Get(key string) (interface{}, bool) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	val, ok := m.data[key]
	return val, ok
}

func (m *SafeMap) Set(key string, value interface{}) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.data[key] = value
}

func (m *SafeMap) Delete(key string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	delete(m.data, key)
}

func main() {
	m := &SafeMap{data: make(map[string]interface{})}
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		m.Set("host", "localhost")
		m.Set("port", 8080)
		m.Delete("host")
	}()
	go func() {
		defer wg.Done()
		if v, ok := m.Get("port"); ok {
			_ = v.(int) // either absent or the int the writer stored
		}
	}()
	wg.Wait()

	_, hasHost := m.Get("host")
	port, _ := m.Get("port")
	fmt.Println("host:", hasHost, "port:", port)
	// Output:
	// host: false port: 8080
}
